using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Election;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Firmware.Activation;
using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;
using Vmre.Devices.GpioSignals;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// The vote path of one terminal (brief section 2.4): redeem and burn the activation before the
/// ballot shows, take the selection, review, print the testigo, and seal only after the voter
/// has seen it. The firmware's VotingSession decides which step may follow which; this class does
/// what each step means on the real devices. One voter at a time; selections live only in memory
/// until sealed, and are never logged (rule 3). Split by concern: this file takes the voter from
/// activation to review; VotingBooth.Printing the testigo; VotingBooth.Faults device faults,
/// officials and recovery; VotingBooth.Timeout inactivity.
/// </summary>
public sealed partial class VotingBooth(
    InstalledElection election,
    string terminalId,
    VoteStore store,
    IReceiptPrinter printer,
    IActivationRedeemer redeemer,
    IStatusLights lights,
    EventLog log,
    byte[] storageKey,
    OfficialAtTerminal? officials = null,
    Func<DateTimeOffset>? now = null)
{
    public const string ActivationsRedeemed = "activations-redeemed";
    public const string SessionsAbandoned = "sessions-abandoned";
    private const string PollsState = "polls-state";
    private readonly object _gate = new();
    private readonly VotingSession _session = new();
    private readonly Func<DateTimeOffset> _now = now ?? (() => DateTimeOffset.UtcNow);
    private BallotStyle? _style;
    private IReadOnlyList<Marking>? _markings;
    private Testigo? _testigo;
    private volatile PaperLevel _paper = PaperLevel.Ok;

    public TerminalPolls Polls { get; private set; } = (TerminalPolls)store.Counter(PollsState);
    // Read without the booth's lock: a display value (GET /api/state, the desk) must never wait
    // behind a voter's print or redemption; the enum is read whole, at worst one step behind.
    public SessionState State => _session.State;
    public PaperLevel Paper => _paper;
    public string? Message { get; private set; }

    /// <summary>How the last session ended: "Recorded", "NoVote", or null (none yet, or one running).</summary>
    public string? LastSession { get; private set; }
    public TerminalAlerts Alerts { get; } = new();

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
            // Out of service with no voter (printer fault, cover opened): the officials who signed
            // the close at the module server (credential and PIN there) may close it. A voter whose
            // session was interrupted must first be attended to at the terminal.
            if (_session.State is not (SessionState.Idle or SessionState.Fault)) return false;
            // Review finding (brief rules 1 and 6): clearing a fault for closing used to skip the
            // voiding notices still owed (e.g. recovery could not print them, the printer was fixed
            // since), so a voided testigo stayed in the box with no notice and the paper recount
            // counted it. They get one more try here; what still cannot print is told to officials.
            if (!PrintOwedNotices())
            {
                var owed = store.NoticesOwed().Count;
                log.Append("voiding-notices-owed-at-closing", null, new() { ["count"] = owed.ToString() });
                Alerts.Add($"Cierre con {owed} constancias de anulación sin imprimir / Closed with {owed} voiding notices not printed");
            }
            if (_session.State == SessionState.Fault)
            {
                Fire(SessionEvent.FaultCleared);
                log.Append("fault-cleared-for-closing");
            }
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
            // The redeemer signs in the TPM and talks to the server; no answer means no ballot
            // (brief rule 4), logged like any other refusal rather than escaping as HTTP 500.
            try { redeemed = redeemer.Redeem(code); }
            catch (Exception e)
            {
                return Refuse<BallotView>("activation-refused", $"activation could not be redeemed: {e.GetType().Name}: {e.Message}");
            }
            if (!redeemed.Accepted) return Refuse<BallotView>("activation-refused", redeemed.Reason ?? "refused by the module server");
            store.Increment(ActivationsRedeemed);
            LastSession = null;
            Fire(SessionEvent.Activate);
            Fire(SessionEvent.BeginSelection);
            _style = style;
            Touch();
            log.Append("activation-redeemed", Actor.Voter, new() { ["ballotStyle"] = style.Id });
            return BoothResult<BallotView>.Done(BallotViews.For(election.Package, style));
        }
    }

    public BoothResult<BallotView> Ballot()
    {
        lock (_gate)
        {
            return _style is null || _session.State is SessionState.Idle or SessionState.Fault or SessionState.Recovering
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
            Touch();
            return BoothResult<ReviewView>.Done(Review());
        }
    }

    /// <summary>The marks the voter made, if any: kept across an interruption so they need not mark again.</summary>
    public BoothResult<ReviewView> CurrentReview()
    {
        lock (_gate)
        {
            return _markings is null || _session.State is SessionState.Idle or SessionState.Fault or SessionState.Recovering
                ? BoothResult<ReviewView>.Refused("no marks yet")
                : BoothResult<ReviewView>.Done(Review());
        }
    }

    public BoothResult<string> Cancel()
    {
        lock (_gate)
        {
            var result = _session.Fire(SessionEvent.Cancel);
            if (!result.Ok) return Refuse<string>("cancel-refused", result.Reason);
            store.Increment(SessionsAbandoned);
            log.Append("session-cancelled", Actor.Voter, new() { ["from"] = SessionNames.Of(result.From) });
            EndSession();
            return BoothResult<string>.Done("Sesión cancelada / Session cancelled");
        }
    }

    private ReviewView Review() => Testigo.Review(election.Package, _markings!);

    /// <summary>Back to idle after a sealed or voided session; a fault that waited for the voter now takes the terminal out of service.</summary>
    private void EndSession()
    {
        LastSession = _session.State == SessionState.Sealed ? "Recorded" : "NoVote";
        if (_session.State is SessionState.Sealed or SessionState.Voided) Fire(SessionEvent.Reset);
        _style = null;
        _markings = null;
        _testigo = null;
        Message = null;
        if (_session.State == SessionState.Idle)
        {
            // Review finding (brief rules 1 and 6): a notice that failed (timeout, last rejection,
            // an official ending an interrupted session) left the terminal idle and serving voters
            // with the voided testigo in the box and no notice naming it. Print what is owed now;
            // if it cannot print, the terminal is out of service until an official clears it.
            var fault = PendingDeviceFault();
            if (fault is null && !PrintOwedNotices()) fault = "a voiding notice could not print";
            if (fault is not null) Fault(SessionEvent.PrinterFault, fault);
        }
        ShowLights();
    }

    private void ShowLights() => lights.Show(_session.State, _paper);

    private TransitionResult Fire(SessionEvent evt)
    {
        var result = _session.Fire(evt);
        if (!result.Ok) throw new InvalidOperationException("voting session: " + result.Reason);
        ShowLights();
        StateChanged?.Invoke(result.To);
        return result;
    }

    /// <summary>Every state the session enters (the confirm button re-arms on it).</summary>
    public event Action<SessionState>? StateChanged;

    /// <summary>
    /// Brief rule 7: every refusal is logged with its reason. Review finding: confirm, accept,
    /// reject and cancel refusals (a second tap, the confirm button in the wrong state) went
    /// unlogged. Reasons name states and counts only, never a selection (rule 3).
    /// </summary>
    private BoothResult<T> Refuse<T>(string evt, string reason)
    {
        log.Append(evt, Actor.Voter, new() { ["reason"] = reason });
        return BoothResult<T>.Refused(reason);
    }
}
