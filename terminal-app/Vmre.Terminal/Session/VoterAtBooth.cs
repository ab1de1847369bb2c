using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Scanning;
using Vmre.Firmware.Session;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// The voter's steps at the terminal, as the ballot page (Http/TerminalEndpoints), the scanner and
/// the confirm button take them: activate, select, confirm (print), accept (seal), reject, cancel,
/// still here. Each step runs under the booth's one lock. One voter at a time; the marks live only
/// in memory until sealed and are never logged (rules.md R3).
/// </summary>
public sealed class VoterAtBooth
{
    public const string TestigoRefusedByPrinter = "the testigo could not be printed: ";

    private readonly VotingBooth _booth;

    internal VoterAtBooth(VotingBooth booth) => _booth = booth;

    /// <summary>
    /// What the terminal's scanner read: only an activation code opens a ballot. A voter's
    /// credential (TD1 MRZ) belongs at the check-in desk; the terminal refuses it and keeps none of
    /// it (rules.md R2), and no refusal reason echoes the scanned text (rules.md R2, R3).
    /// </summary>
    public Parsed<BallotView> Scanned(string text)
    {
        var scan = ScannedInput.Classify(text);
        return scan.Kind switch
        {
            ScanKind.Activation => Activate(text),
            // A refusal changes no state: logged without waiting for the booth's lock.
            ScanKind.Credential => _booth.Refuse<BallotView>("scan-refused", VoterRefusals.CredentialScanned, "a voter credential was scanned: this terminal takes activation codes only; check-in is at the desk"),
            ScanKind.Refused => _booth.Refuse<BallotView>("scan-refused", VoterRefusals.NotRecognized, scan.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(text), scan.Kind, "unknown scan kind"),
        };
    }

    /// <summary>Redeem and burn the activation before the ballot shows (rules.md R4).</summary>
    public Parsed<BallotView> Activate(string code) => _booth.Step(s =>
    {
        if (s.Polls != TerminalPolls.Open) return _booth.Refuse<BallotView>("activation-refused", VoterRefusals.PollsNotOpen, "the polls are not open at this terminal");
        if (s.State != SessionState.Idle) return _booth.Refuse<BallotView>("activation-refused", VoterRefusals.SessionInProgress, "a voting session is already in progress");
        var style = _booth.Activations.Redeem(code.Trim(), out var refusal);
        if (!style.IsOk) return _booth.Refuse<BallotView>("activation-refused", refusal, style.Error!);
        s.LastSession = null;
        _booth.Fire(SessionEvent.Activate);
        _booth.Fire(SessionEvent.BeginSelection);
        s.Style = style.Value!;
        _booth.Touch();
        _booth.Activity.Record("activation-redeemed", Actor.Voter);
        return Parsed<BallotView>.Ok(BallotViews.For(_booth.Package, s.Style));
    });

    public Parsed<BallotView> Ballot() => _booth.Step(s =>
        s.Style is null || s.ShowsNoBallot
            ? Parsed<BallotView>.Fail("no active ballot: scan an activation code")
            : Parsed<BallotView>.Ok(BallotViews.For(_booth.Package, s.Style)));

    public Parsed<ReviewView> Select(SelectionRequest request) => _booth.Step(s =>
    {
        if (s.State == SessionState.Reviewing) _booth.Fire(SessionEvent.BackToSelection);
        if (s.State != SessionState.Selecting || s.Style is null)
            return Parsed<ReviewView>.Fail($"cannot take a selection while {s.State}");
        var parsed = SelectionParser.Parse(_booth.Package, s.Style, request);
        if (!parsed.IsOk) return Parsed<ReviewView>.Fail(parsed.Error!);
        s.Markings = parsed.Value;
        _booth.Fire(SessionEvent.Review);
        _booth.Touch();
        return Parsed<ReviewView>.Ok(_booth.Review());
    });

    /// <summary>The marks the voter made, if any: kept across an interruption so they need not mark again.</summary>
    public Parsed<ReviewView> CurrentReview() => _booth.Step(s =>
        s.Markings is null || s.ShowsNoBallot
            ? Parsed<ReviewView>.Fail("no marks yet")
            : Parsed<ReviewView>.Ok(_booth.Review()));

    public Parsed<string> Cancel() => _booth.Step(s =>
    {
        var result = s.Machine.Fire(SessionEvent.Cancel);
        if (!result.Ok) return _booth.Refuse<string>("cancel-refused", VoterRefusals.CannotCancel, result.Reason);
        _booth.Signals.StateEntered(result.To);
        _booth.Vault.SessionWithoutVote();
        _booth.Activity.Record("session-cancelled", Actor.Voter, SessionNames.Of(result.From));
        _booth.EndSession();
        return Parsed<string>.Ok("Sesión cancelada / Session cancelled");
    });

    /// <summary>Print the testigo. The vote is not sealed yet: the voter must see the paper first (rules.md R1).</summary>
    public Parsed<ReviewView> Confirm() => _booth.Step(s =>
    {
        if (s.State != SessionState.Reviewing || s.Markings is null || s.Style is null)
            return _booth.Refuse<ReviewView>("confirm-refused", VoterRefusals.NothingToConfirm, $"nothing to confirm while {s.State}");
        if (s.Machine.TestigosPrinted >= VotingSession.MaxTestigos)
            return _booth.Refuse<ReviewView>("confirm-refused", VoterRefusals.TestigoLimit, $"this session already printed {VotingSession.MaxTestigos} testigos; call an official");
        // Composed and recorded before the session leaves Reviewing: a failure while
        // composing must not strand the session in Printing (rules.md R4, R6).
        s.Testigo = _booth.Testigos.Begin(s.Style, s.Markings);
        _booth.Fire(SessionEvent.Confirm);
        _booth.Touch();
        var outcome = _booth.Testigos.Print(s.Testigo);
        if (!outcome.Printed) return PrintFailed(s, outcome);
        _booth.Fire(SessionEvent.PrintSucceeded);
        return Parsed<ReviewView>.Ok(_booth.Review());
    });

    /// <summary>
    /// The voter has seen the testigo and accepts it: the vote is sealed first (it counts from
    /// here, rules.md R1, R6), then the acceptance mark prints under the testigo and the paper is
    /// cut (in <see cref="VotingBooth.EndSession"/>, which takes the terminal out of service if the
    /// mark cannot print: it stays owed until it does). Sound the tone, return to idle.
    /// </summary>
    public Parsed<string> Accept() => _booth.Step(s =>
    {
        if (s.State != SessionState.VoterVerifying || s.Testigo is null)
            return _booth.Refuse<string>("accept-refused", VoterRefusals.NothingToAccept, $"no printed testigo to accept while {s.State}");
        _booth.Testigos.Seal(s.Testigo);
        _booth.Fire(SessionEvent.VoterAccepted);
        _booth.RaiseVoteRecorded();
        _booth.EndSession();
        return Parsed<string>.Ok("Su voto fue registrado / Your vote was recorded");
    });

    /// <summary>
    /// The testigo does not show what the voter chose: the void mark prints over the same paper at
    /// once (band over the selection, ANULADO, reason REJECTED) and the voter marks again (at most <see cref="VotingSession.MaxTestigos"/> testigos per session).
    /// </summary>
    public Parsed<ReviewView> Reject() => _booth.Step(s =>
    {
        if (s.State != SessionState.VoterVerifying || s.Testigo is null)
            return _booth.Refuse<ReviewView>("reject-refused", VoterRefusals.NothingToReject, $"no printed testigo to reject while {s.State}");
        _booth.VoidInFlight(_booth.Fire(SessionEvent.VoterRejected), VoidReason.VoterRejected, mayBeOnPaper: true);
        _booth.Activity.Record("testigo-rejected", Actor.Voter);
        if (s.State == SessionState.Voided)
        {
            _booth.Vault.SessionWithoutVote();
            _booth.Alerts.Add($"Un votante rechazó {VotingSession.MaxTestigos} testigos; la sesión terminó sin voto");
            _booth.EndSession(); // prints the owed void mark as every session end does (rules.md R3)
            return Parsed<ReviewView>.Fail($"{VotingSession.MaxTestigos} testigos rejected: the session ended without a vote; call an official");
        }
        // The voter marks again: the same owed-mark step as a session's end, so a printer fault
        // here leaves the same timed lines as at an accept or a timeout (rules.md R3).
        _booth.PrintOwedMarksOrFault();
        if (s.State != SessionState.Selecting)
            return Parsed<ReviewView>.Fail("the void mark could not print on the rejected testigo; wait for an official");
        _booth.Touch();
        return Parsed<ReviewView>.Ok(_booth.Review());
    });

    /// <summary>The voter did something ("still here" on the inactivity warning): restart the inactivity clock.</summary>
    public void StillHere() => _booth.Step(_ => _booth.Touch());

    /// <summary>The printer did not confirm the testigo: void it (its void mark owed if any of it may be on paper) and say so (rules.md R1).</summary>
    private Parsed<ReviewView> PrintFailed(BoothSession s, PrintOutcome outcome)
    {
        _booth.VoidInFlight(_booth.Fire(SessionEvent.PrintFailed), VoidReason.PrinterFault, outcome.PaperMayHaveLeft);
        s.Message = "La impresora falló; su voto NO se registró. Llame a un funcionario / "
            + "Printer fault: your vote was NOT recorded. Call an official";
        _booth.Alerts.Add(outcome.PaperMayHaveLeft
            ? $"Testigo anulado: la impresora falló a media impresión ({outcome.Condition}); se imprimirá la marca ANULADO"
            : $"La impresora no estaba lista ({outcome.Condition}); no se imprimió testigo");
        _booth.Log.Append("testigo-print-failed", null, new()
        {
            ["condition"] = outcome.Condition.ToString(),
            ["reason"] = outcome.Reason ?? "",
            ["paperMayHaveLeft"] = outcome.PaperMayHaveLeft ? "true" : "false",
        });
        return Parsed<ReviewView>.Fail(TestigoRefusedByPrinter + outcome.Reason);
    }
}
