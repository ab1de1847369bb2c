using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Election;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Scanning;
using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;
using Vmre.Terminal.Reports;
using Vmre.Devices.GpioSignals;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// The vote path of one terminal (brief section 2.4): redeem and burn the activation before the
/// ballot shows, take the selection, review, print the testigo, and seal only after the voter
/// has seen it. The firmware's VotingSession decides which step may follow which; this class owns
/// that session and the one lock every step takes, and hands each step's work to the part beside
/// it: <see cref="ActivationGate"/> (rules.md R4), <see cref="TestigoPrinting"/> (rules.md R1),
/// <see cref="DeviceFaults"/> and <see cref="VoteVault"/> (rules.md R3, R6). One voter at a time;
/// selections live only in memory until sealed, and are never logged (rules.md R3).
/// </summary>
public sealed class VotingBooth(
    ElectionPackage package,
    ActivationGate activations,
    TestigoPrinting testigos,
    DeviceFaults devices,
    VoteVault vault,
    EventLog log,
    OfficialAtTerminal? officials = null,
    TimeProvider? time = null) : IPollsAtTerminal
{
    public const string TestigoRefusedByPrinter = "the testigo could not be printed: ";
    /// <summary>The limit when the command line names none (terminal-app/README.md: --inactivity, 180 s).</summary>
    public static readonly TimeSpan DefaultInactivityLimit = TimeSpan.FromMinutes(3);

    private readonly object _gate = new();
    private readonly VotingSession _session = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private BallotStyle? _style;
    private IReadOnlyList<Marking>? _markings;
    private Testigo? _testigo;
    private DateTimeOffset _lastAction;

    public TerminalPolls Polls { get; private set; } = vault.Polls;
    // Read without the booth's lock: a display value (GET /api/state, the desk) must never wait
    // behind a voter's print or redemption; the enum is read whole, at worst one step behind.
    public SessionState State => _session.State;
    public PaperLevel Paper => devices.Paper;
    public string? Message { get; private set; }
    /// <summary>How the last session ended: "Recorded", "NoVote", or null (none yet, or one running).</summary>
    public string? LastSession { get; private set; }
    public TerminalAlerts Alerts { get; } = new();
    /// <summary>How long a voter may be inactive before the session ends; the page warns before this (rules.md R9).</summary>
    public TimeSpan InactivityLimit { get; init; } = DefaultInactivityLimit;

    /// <summary>Every state the session enters (the confirm button re-arms on it).</summary>
    public event Action<SessionState>? StateChanged;
    /// <summary>Raised after a vote is sealed (the terminal sounds its tone, as the urna 7.0 does).</summary>
    public event Action? VoteRecorded;

    public void SetPolls(TerminalPolls polls)
    {
        lock (_gate)
        {
            vault.SetPolls(polls);
            Polls = polls;
        }
    }

    /// <summary>
    /// Close the polls at this terminal only if no voter is in a session, in one step under the
    /// booth's lock, so that no activation can slip in between the check and the close and be
    /// sealed after the closing record is signed (rules.md R1 and R6).
    /// </summary>
    public bool TryClosePolls()
    {
        lock (_gate)
        {
            // Out of service with no voter (printer fault, cover opened): the officials who signed
            // the close at the module server (credential and PIN there) may close it. A voter whose
            // session was interrupted must first be attended to at the terminal.
            if (_session.State is not (SessionState.Idle or SessionState.Fault)) return false;
            // Review finding (rules.md R1 and R6): voiding notices still owed get one more try here, so
            // a voided testigo does not stay in the box unnamed; what cannot print is told to officials.
            if (!testigos.PrintOwedNotices())
            {
                var owed = testigos.NoticesOwed;
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

    VoteTotals IPollsAtTerminal.Totals() => vault.Totals();

    IEnumerable<string> IPollsAtTerminal.OpenAllVotes() => vault.OpenAll();

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
            ScanKind.Credential => Refuse<BallotView>("scan-refused", "a voter credential was scanned: this terminal takes activation codes only; check-in is at the desk"),
            ScanKind.Refused => Refuse<BallotView>("scan-refused", scan.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(text), scan.Kind, "unknown scan kind"),
        };
    }

    public Parsed<BallotView> Activate(string code)
    {
        lock (_gate)
        {
            if (Polls != TerminalPolls.Open) return Refuse<BallotView>("activation-refused", "the polls are not open at this terminal");
            if (_session.State != SessionState.Idle) return Refuse<BallotView>("activation-refused", "a voting session is already in progress");
            var style = activations.Redeem(code.Trim());
            if (!style.IsOk) return Refuse<BallotView>("activation-refused", style.Error!);
            LastSession = null;
            Fire(SessionEvent.Activate);
            Fire(SessionEvent.BeginSelection);
            _style = style.Value!;
            TouchHeld();
            log.Append("activation-redeemed", Actor.Voter, new() { ["ballotStyle"] = _style.Id });
            return Parsed<BallotView>.Ok(BallotViews.For(package, _style));
        }
    }

    public Parsed<BallotView> Ballot()
    {
        lock (_gate)
        {
            return _style is null || _session.State is SessionState.Idle or SessionState.Fault or SessionState.Recovering
                ? Parsed<BallotView>.Fail("no active ballot: scan an activation code")
                : Parsed<BallotView>.Ok(BallotViews.For(package, _style));
        }
    }

    public Parsed<ReviewView> Select(SelectionRequest request)
    {
        lock (_gate)
        {
            if (_session.State == SessionState.Reviewing) Fire(SessionEvent.BackToSelection);
            if (_session.State != SessionState.Selecting || _style is null)
                return Parsed<ReviewView>.Fail($"cannot take a selection while {_session.State}");
            var parsed = SelectionParser.Parse(package, _style, request);
            if (!parsed.IsOk) return Parsed<ReviewView>.Fail(parsed.Error!);
            _markings = parsed.Value;
            Fire(SessionEvent.Review);
            TouchHeld();
            return Parsed<ReviewView>.Ok(Review());
        }
    }

    /// <summary>The marks the voter made, if any: kept across an interruption so they need not mark again.</summary>
    public Parsed<ReviewView> CurrentReview()
    {
        lock (_gate)
        {
            return _markings is null || _session.State is SessionState.Idle or SessionState.Fault or SessionState.Recovering
                ? Parsed<ReviewView>.Fail("no marks yet")
                : Parsed<ReviewView>.Ok(Review());
        }
    }

    public Parsed<string> Cancel()
    {
        lock (_gate)
        {
            var result = _session.Fire(SessionEvent.Cancel);
            if (!result.Ok) return Refuse<string>("cancel-refused", result.Reason);
            vault.SessionWithoutVote();
            log.Append("session-cancelled", Actor.Voter, new() { ["from"] = SessionNames.Of(result.From) });
            EndSession();
            return Parsed<string>.Ok("Sesión cancelada / Session cancelled");
        }
    }

    /// <summary>Print the testigo. The vote is not sealed yet: the voter must see the paper first (rules.md R1).</summary>
    public Parsed<ReviewView> Confirm()
    {
        lock (_gate)
        {
            if (_session.State != SessionState.Reviewing || _markings is null || _style is null)
                return Refuse<ReviewView>("confirm-refused", $"nothing to confirm while {_session.State}");
            if (_session.TestigosPrinted >= VotingSession.MaxTestigos)
                return Refuse<ReviewView>("confirm-refused", $"this session already printed {VotingSession.MaxTestigos} testigos; call an official");
            // Composed and recorded before the session leaves Reviewing: a failure while
            // composing must not strand the session in Printing (rules.md R4, R6).
            _testigo = testigos.Begin(_style, _markings);
            Fire(SessionEvent.Confirm);
            TouchHeld();
            var outcome = testigos.Print(_testigo);
            if (!outcome.Printed)
            {
                VoidInFlight(Fire(SessionEvent.PrintFailed), VoidReason.PrinterFault, outcome.PaperMayHaveLeft);
                Message = "La impresora falló; su voto NO se registró. Llame a un funcionario / "
                    + "Printer fault: your vote was NOT recorded. Call an official";
                Alerts.Add(outcome.PaperMayHaveLeft
                    ? $"Testigo anulado: la impresora falló a media impresión ({outcome.Condition}); se imprimirá la constancia de anulación"
                    : $"La impresora no estaba lista ({outcome.Condition}); no se imprimió testigo");
                log.Append("testigo-print-failed", null, new()
                {
                    ["condition"] = outcome.Condition.ToString(),
                    ["reason"] = outcome.Reason ?? "",
                    ["paperMayHaveLeft"] = outcome.PaperMayHaveLeft ? "true" : "false",
                });
                return Parsed<ReviewView>.Fail(TestigoRefusedByPrinter + outcome.Reason);
            }
            Fire(SessionEvent.PrintSucceeded);
            log.Append("testigo-printed", Actor.Voter);
            return Parsed<ReviewView>.Ok(Review());
        }
    }

    /// <summary>The voter has seen the testigo: seal the vote, sound the tone, return to idle.</summary>
    public Parsed<string> Accept()
    {
        lock (_gate)
        {
            if (_session.State != SessionState.VoterVerifying || _testigo is null)
                return Refuse<string>("accept-refused", $"no printed testigo to accept while {_session.State}");
            testigos.Seal(_testigo);
            Fire(SessionEvent.VoterAccepted);
            log.Append("vote-sealed", Actor.Voter);
            VoteRecorded?.Invoke();
            EndSession();
            return Parsed<string>.Ok("Su voto fue registrado / Your vote was recorded");
        }
    }

    /// <summary>
    /// The testigo does not show what the voter chose: it is voided with a printed notice and the
    /// voter marks again (at most <see cref="VotingSession.MaxTestigos"/> testigos per session).
    /// </summary>
    public Parsed<ReviewView> Reject()
    {
        lock (_gate)
        {
            if (_session.State != SessionState.VoterVerifying || _testigo is null)
                return Refuse<ReviewView>("reject-refused", $"no printed testigo to reject while {_session.State}");
            VoidInFlight(Fire(SessionEvent.VoterRejected), VoidReason.VoterRejected, mayBeOnPaper: true);
            log.Append("testigo-rejected-by-voter", Actor.Voter);
            if (!testigos.PrintOwedNotices()) Fault(SessionEvent.PrinterFault, "a voiding notice could not print");
            if (_session.State == SessionState.Voided)
            {
                vault.SessionWithoutVote();
                Alerts.Add($"Un votante rechazó {VotingSession.MaxTestigos} testigos; la sesión terminó sin voto");
                EndSession();
                return Parsed<ReviewView>.Fail($"{VotingSession.MaxTestigos} testigos rejected: the session ended without a vote; call an official");
            }
            if (_session.State != SessionState.Selecting)
                return Parsed<ReviewView>.Fail("the voiding notice could not print; wait for an official");
            TouchHeld();
            return Parsed<ReviewView>.Ok(Review());
        }
    }

    /// <summary>The physical confirm button, as the firmware read it: confirm while reviewing, accept while verifying.</summary>
    public void ButtonPressed(SessionEvent meaning)
    {
        log.Append("confirm-button", Actor.Voter, new() { ["meaning"] = SessionNames.Of(meaning) });
        if (meaning == SessionEvent.Confirm) Confirm();
        else if (meaning == SessionEvent.VoterAccepted) Accept();
    }

    /// <summary>The cover/tamper switch changed (GPIO). Opening it is a fault in any state.</summary>
    public void CoverChanged(bool open)
    {
        lock (_gate)
        {
            if (!devices.CoverMoved(open)) return;
            if (open) Fault(SessionEvent.CoverOpened, "the printer cover was opened");
            else Alerts.Add("Tapa cerrada / Cover closed");
        }
    }

    /// <summary>The paper sensors changed (GPIO). Paper out is a fault; paper low only warns.</summary>
    public void PaperChanged(PaperLevel level)
    {
        lock (_gate)
        {
            if (!devices.PaperMoved(level)) return;
            if (level == PaperLevel.Low) Alerts.Add("Papel por terminarse: cambie el rollo al terminar el votante actual / Paper low");
            if (level == PaperLevel.Out) Fault(SessionEvent.PrinterFault, "the printer is out of paper");
            devices.Show(_session.State);
        }
    }

    /// <summary>
    /// An official clears a fault (rules.md R8): card on the reader, PIN typed on the screen, printer
    /// ready again, owed voiding notices printed first; a voter whose session was interrupted
    /// keeps their marks and confirms again. Nothing here can seal a vote.
    /// </summary>
    public Parsed<string> ClearFault(string pin)
    {
        lock (_gate)
        {
            if (_session.State is not (SessionState.Interrupted or SessionState.Fault))
                return Refuse<string>("fault-not-cleared", $"there is no fault to clear while {_session.State}");
            var official = Official(pin);
            if (!official.IsOk) return Parsed<string>.Fail(official.Error!);
            if (devices.Pending() is { } still) return Refuse<string>("fault-not-cleared", "the printer is still not ready: " + still);
            if (!testigos.PrintOwedNotices()) return Refuse<string>("fault-not-cleared", "the voiding notice could not be printed; check the printer");
            var from = _session.State;
            Fire(SessionEvent.FaultCleared);
            Message = null;
            log.Append("fault-cleared", official.Value!, new() { ["from"] = SessionNames.Of(from) });
            Alerts.Add("Falla atendida por un funcionario / Fault cleared by an official");
            if (_session.State == SessionState.Selecting) TouchHeld();
            return Parsed<string>.Ok(_session.State == SessionState.Selecting
                ? "Puede continuar: revise su selección y confirme de nuevo / You may continue: review and confirm again"
                : "Urna lista / Terminal ready");
        }
    }

    /// <summary>An official ends an interrupted voter session without a vote (the voter cannot wait).</summary>
    public Parsed<string> EndInterruptedSession(string pin)
    {
        lock (_gate)
        {
            if (_session.State != SessionState.Interrupted)
                return Refuse<string>("session-end-refused", $"no interrupted session to end while {_session.State}");
            var official = Official(pin);
            if (!official.IsOk) return Parsed<string>.Fail(official.Error!);
            Fire(SessionEvent.Cancel);
            vault.SessionWithoutVote();
            log.Append("session-ended-by-official", official.Value!);
            Alerts.Add("Sesión interrumpida terminada sin voto por un funcionario / Interrupted session ended without a vote");
            EndSession();
            return Parsed<string>.Ok("Sesión terminada sin voto / Session ended without a vote");
        }
    }

    /// <summary>
    /// At start (rules.md R6): testigos a crash or power cut left unfinished are voided, and each gets
    /// its voiding notice before any voter is served. A session the cut ended is counted as a
    /// session without a vote, so every redeemed activation is still one sealed vote or one
    /// session without a vote. Only counts are logged.
    /// </summary>
    public void RecoverAfterRestart()
    {
        lock (_gate)
        {
            var lost = vault.SessionsUnaccounted();
            for (var i = 0; i < lost; i++) vault.SessionWithoutVote();
            if (lost > 0) log.Append("sessions-lost-at-restart", null, new() { ["count"] = lost.ToString() });
            var unfinished = testigos.VoidUnfinished();
            if (testigos.NoticesOwed == 0) { devices.Show(_session.State); return; }
            Fire(SessionEvent.PowerLost);
            Alerts.Add($"Se anularon {unfinished} testigos interrumpidos por un corte / {unfinished} testigos voided after a power cut");
            if (testigos.PrintOwedNotices()) Fire(SessionEvent.Recovered);
            else
            {
                Fire(SessionEvent.PrintFailed);
                Message = "Urna fuera de servicio: no se pudo imprimir la constancia de anulación. Llame a un funcionario / "
                    + "Out of service: a voiding notice could not print. Call an official";
            }
        }
    }

    /// <summary>
    /// Called every few seconds by the host's timer; ends a session idle past the limit (rules.md R9:
    /// the page warns first). A voter who walks away from a printed testigo did not accept it, so
    /// it is voided with a notice (VVSG "fleeing voter": a vote is cast only by the voter's act).
    /// </summary>
    public bool ExpireIfInactive()
    {
        // A timer thread must not queue behind a print or a redemption holding the lock: if the
        // booth is busy, the voter is not inactive; look again on the next tick.
        if (!Monitor.TryEnter(_gate)) return false;
        try
        {
            if (_session.State is not (SessionState.Activated or SessionState.Selecting or SessionState.Reviewing or SessionState.VoterVerifying))
                return false;
            if (_time.GetUtcNow() - _lastAction < InactivityLimit) return false;
            var result = Fire(SessionEvent.Timeout);
            VoidInFlight(result, VoidReason.VoterTimeout, mayBeOnPaper: true);
            vault.SessionWithoutVote();
            log.Append("session-timed-out", Actor.Voter, new() { ["from"] = SessionNames.Of(result.From) });
            if (!testigos.PrintOwedNotices()) Alerts.Add("No se pudo imprimir la constancia de anulación / A voiding notice could not print");
            Alerts.Add("Sesión terminada por inactividad / Session ended for inactivity");
            EndSession();
            return true;
        }
        finally { Monitor.Exit(_gate); }
    }

    /// <summary>The voter did something: restart the inactivity clock.</summary>
    public void Touch()
    {
        lock (_gate) TouchHeld();
    }

    private void TouchHeld() => _lastAction = _time.GetUtcNow();

    private ReviewView Review() => Testigo.Review(package, _markings!);

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
            // Review finding (rules.md R1 and R6): a notice that failed (timeout, last rejection, an
            // official ending an interrupted session) must not leave the terminal serving voters
            // with the voided testigo unnamed: print what is owed now, or go out of service.
            var fault = devices.Pending();
            if (fault is null && !testigos.PrintOwedNotices()) fault = "a voiding notice could not print";
            if (fault is not null) Fault(SessionEvent.PrinterFault, fault);
        }
        devices.Show(_session.State);
    }

    /// <summary>A device fault: interrupts a session (voiding any testigo in flight) or takes an idle terminal out of service.</summary>
    private void Fault(SessionEvent evt, string detail)
    {
        var result = _session.Fire(evt);
        if (!result.Ok) return; // e.g. paper runs out while the voter checks a whole testigo: handled when the session ends
        VoidInFlight(result, evt == SessionEvent.CoverOpened ? VoidReason.CoverOpened : VoidReason.PrinterFault, mayBeOnPaper: true);
        Message = result.To == SessionState.Interrupted
            ? "Votación interrumpida: " + detail + ". Su voto NO se ha registrado; espere a un funcionario / Voting interrupted: your vote is NOT recorded yet; wait for an official"
            : "Urna fuera de servicio: " + detail + ". Llame a un funcionario / Out of service: call an official";
        Alerts.Add(detail);
        log.Append("device-fault", null, new() { ["event"] = SessionNames.Of(evt), ["detail"] = detail, ["state"] = SessionNames.Of(result.To) });
        devices.Show(_session.State);
    }

    /// <summary>Void the testigo in flight if the transition says so.</summary>
    private void VoidInFlight(TransitionResult transition, VoidReason reason, bool mayBeOnPaper)
    {
        if (!transition.VoidsTestigo || _testigo is null) return;
        testigos.Void(_testigo, reason, mayBeOnPaper);
        _testigo = null;
    }

    private TransitionResult Fire(SessionEvent evt)
    {
        var result = _session.Fire(evt);
        if (!result.Ok) throw new InvalidOperationException("voting session: " + result.Reason);
        devices.Show(_session.State);
        StateChanged?.Invoke(result.To);
        return result;
    }

    private Parsed<Actor> Official(string pin) =>
        officials is null
            ? Parsed<Actor>.Fail("this terminal has no official card reader")
            : officials.Check(pin).Then(who => Parsed<Actor>.Ok(new Actor(who.Role.ToString(), who.CredentialId)));

    /// <summary>
    /// rules.md R7: every refusal is logged with its reason (review finding: confirm, accept, reject
    /// and cancel refusals went unlogged). Reasons name states and counts only, never a selection (rules.md R3).
    /// </summary>
    private Parsed<T> Refuse<T>(string evt, string reason)
    {
        log.Append(evt, Actor.Voter, new() { ["reason"] = reason });
        return Parsed<T>.Fail(reason);
    }
}
