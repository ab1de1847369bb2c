using Vmre.Common.Devices;
using Vmre.Common.Election;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Firmware.Activation;
using Vmre.Firmware.Session;
using Vmre.Terminal.Devices;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// The vote path of one terminal (brief section 2.4): redeem and burn the activation before the
/// ballot shows, take the selection, review, print the testigo, and seal only after the voter
/// has seen it. The firmware's VotingSession decides which step may follow which. One voter
/// at a time; selections live only in memory until sealed, and are never logged (rule 3).
/// </summary>
public sealed class VotingBooth(
    InstalledElection election,
    VoteStore store,
    IReceiptPrinter printer,
    IActivationRedeemer redeemer,
    IStatusLights lights,
    EventLog log,
    byte[] storageKey)
{
    public const string ActivationsRedeemed = "activations-redeemed";
    public const string SessionsAbandoned = "sessions-abandoned";
    private const string PollsState = "polls-state";
    private readonly object _gate = new();
    private readonly VotingSession _session = new();
    private BallotStyle? _style;
    private IReadOnlyList<Marking>? _markings;
    private Testigo? _testigo;

    public TerminalPolls Polls { get; private set; } = (TerminalPolls)store.Counter(PollsState);
    public SessionState State { get { lock (_gate) return _session.State; } }
    public string? Message { get; private set; }

    public void SetPolls(TerminalPolls polls)
    {
        lock (_gate)
        {
            store.Set(PollsState, (int)polls);
            Polls = polls;
        }
    }

    /// <summary>
    /// Close the polls at this terminal only if no voter is in a session, in one step under the
    /// booth's lock, so that no activation can slip in between the check and the close and be
    /// sealed after the closing record is signed (brief rules 1 and 6).
    /// </summary>
    public bool TryClosePolls()
    {
        lock (_gate)
        {
            // A terminal in Fault (printer failure: the testigo was voided, nothing sealed) may
            // be closed by its officials; one with a voter mid-ballot may not.
            if (_session.State == SessionState.Fault)
            {
                Fire(SessionEvent.Reset);
                log.Append("fault-cleared-for-closing");
            }
            if (_session.State != SessionState.Idle) return false;
            SetPolls(TerminalPolls.Closed); // re-enters _gate: the check and the close stay one step
            return true;
        }
    }

    public BoothResult<BallotView> Activate(string code)
    {
        lock (_gate)
        {
            if (Polls != TerminalPolls.Open) return Refuse<BallotView>("activation-refused", "the polls are not open at this terminal");
            if (_session.State != SessionState.Idle) return Refuse<BallotView>("activation-refused", "a voting session is already in progress");
            code = code.Trim();
            var decoded = ActivationTokenDecoder.Decode(code);
            if (!decoded.Ok) return Refuse<BallotView>("activation-refused", "not an activation code: " + decoded.Reason);
            var token = decoded.Token;
            if (!election.ServerKey.Verify(System.Text.Encoding.UTF8.GetBytes(token.SignedPart), token.Signature))
                return Refuse<BallotView>("activation-refused", "activation not signed by this module's server");
            if (token.ModuleId != election.Module.ModuleId)
                return Refuse<BallotView>("activation-refused", $"activation belongs to module {token.ModuleId}");
            var style = election.Package.Style(token.BallotStyle);
            if (style is null) return Refuse<BallotView>("activation-refused", $"unknown ballot style {token.BallotStyle}");
            RedeemResponse redeemed;
            // Review finding: the redeemer signs in the TPM and talks to the server; an exception
            // there (TpmError, an odd HTTP answer) escaped Activate: HTTP 500 on the ballot page and,
            // on the scanner's thread, the end of the terminal process. No answer means no ballot
            // (brief rule 4); the refusal is logged like any other.
            try { redeemed = redeemer.Redeem(code); }
            catch (Exception e)
            {
                return Refuse<BallotView>("activation-refused", $"activation could not be redeemed: {e.GetType().Name}: {e.Message}");
            }
            if (!redeemed.Accepted) return Refuse<BallotView>("activation-refused", redeemed.Reason ?? "refused by the module server");
            store.Increment(ActivationsRedeemed);
            Fire(SessionEvent.Activate);
            Fire(SessionEvent.BeginSelection);
            _style = style;
            lights.Show(TerminalLight.Busy);
            log.Append("activation-redeemed", Actor.Voter, new() { ["ballotStyle"] = style.Id });
            return BoothResult<BallotView>.Done(BallotViews.For(election.Package, style));
        }
    }

    public BoothResult<BallotView> Ballot()
    {
        lock (_gate)
        {
            return _style is null || _session.State is SessionState.Idle
                ? BoothResult<BallotView>.Refused("no active ballot: scan an activation code")
                : BoothResult<BallotView>.Done(BallotViews.For(election.Package, _style));
        }
    }

    public BoothResult<ReviewView> Select(SelectionRequest request)
    {
        lock (_gate)
        {
            if (_session.State == SessionState.Reviewing) Fire(SessionEvent.BackToSelection);
            if (_session.State != SessionState.Selecting || _style is null)
                return BoothResult<ReviewView>.Refused($"cannot take a selection while {_session.State}");
            var parsed = SelectionParser.Parse(election.Package, _style, request);
            if (!parsed.Ok) return BoothResult<ReviewView>.Refused(parsed.Refusal!);
            _markings = parsed.Value;
            Fire(SessionEvent.Review);
            return BoothResult<ReviewView>.Done(Review());
        }
    }

    /// <summary>Print the testigo. The vote is not sealed yet: the voter must see the paper first.</summary>
    public BoothResult<ReviewView> Confirm()
    {
        lock (_gate)
        {
            if (_session.State != SessionState.Reviewing || _markings is null || _style is null)
                return BoothResult<ReviewView>.Refused($"nothing to confirm while {_session.State}");
            // Review finding: compose and record the testigo before the session leaves Reviewing.
            // Composing after Fire(Confirm) let any failure there (a selection the testigo format
            // refuses) strand the session in Printing, which no event leaves but a print outcome:
            // burned activation lost, terminal unable to take voters or to close (rules 4, 6).
            var testigo = Testigo.Compose(election, _style, _markings);
            store.BeginPrinting(testigo.Id);
            _testigo = testigo;
            Fire(SessionEvent.Confirm);
            var outcome = PrinterCalls.TryPrint(printer, _testigo.Ticket);
            if (!outcome.Printed)
            {
                store.Voided(_testigo.Id);
                Fire(SessionEvent.PrintFailed);
                lights.Show(TerminalLight.Fault);
                Message = "La impresora falló; llame a un funcionario / Printer fault: call an official";
                log.Append("testigo-print-failed", null, new() { ["condition"] = outcome.Condition.ToString(), ["reason"] = outcome.Reason ?? "" });
                return BoothResult<ReviewView>.Refused("the testigo could not be printed: " + outcome.Reason);
            }
            store.Printed(_testigo.Id);
            Fire(SessionEvent.PrintSucceeded);
            log.Append("testigo-printed", Actor.Voter);
            return BoothResult<ReviewView>.Done(Review());
        }
    }

    /// <summary>The voter has seen the testigo: seal the vote, then return to idle.</summary>
    public BoothResult<string> Accept()
    {
        lock (_gate)
        {
            if (_session.State != SessionState.VoterVerifying || _testigo is null)
                return BoothResult<string>.Refused($"no printed testigo to accept while {_session.State}");
            store.Seal(_testigo.Id, SealedVote.Seal(storageKey, _testigo.Id, _testigo.Payload));
            Fire(SessionEvent.VoterAccepted);
            log.Append("vote-sealed", Actor.Voter);
            EndSession();
            return BoothResult<string>.Done("Su voto fue registrado / Your vote was recorded");
        }
    }

    public BoothResult<string> Cancel()
    {
        lock (_gate)
        {
            var result = _session.Fire(SessionEvent.Cancel);
            if (!result.Ok) return BoothResult<string>.Refused(result.Reason);
            store.Increment(SessionsAbandoned);
            log.Append("session-cancelled", Actor.Voter, new() { ["from"] = result.From.ToString() });
            EndSession();
            return BoothResult<string>.Done("Sesión cancelada / Session cancelled");
        }
    }

    private ReviewView Review() => Testigo.Review(election.Package, _markings!);

    private void EndSession()
    {
        Fire(SessionEvent.Reset);
        _style = null;
        _markings = null;
        _testigo = null;
        Message = null;
        lights.Show(TerminalLight.Ready);
    }

    private void Fire(SessionEvent evt)
    {
        var result = _session.Fire(evt);
        if (!result.Ok) throw new InvalidOperationException("voting session: " + result.Reason);
    }

    private BoothResult<T> Refuse<T>(string evt, string reason)
    {
        log.Append(evt, Actor.Voter, new() { ["reason"] = reason });
        return BoothResult<T>.Refused(reason);
    }
}
