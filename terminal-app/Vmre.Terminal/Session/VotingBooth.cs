using Vmre.Common.Protocol;
using Vmre.Firmware.Printing;
using Vmre.Common.Election;
using Vmre.Common.Logging;
using Vmre.Common.Serialization;
using Vmre.Firmware.Session;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// The vote path of one terminal (brief section 2.4): redeem and burn the activation before the
/// ballot shows, take the selection, review, print the testigo, and seal only after the voter
/// has seen it. The firmware's VotingSession decides which step may follow which; this class owns
/// that session (<see cref="BoothSession"/>) and the one lock every step takes. Each caller talks
/// to the narrow side it needs: the ballot page to <see cref="Voter"/>, the official at the
/// terminal to <see cref="Officials"/>, the GPIO sensors and button to <see cref="Signals"/>,
/// /api/state to <see cref="View"/>, the module's desk to <see cref="Polls"/>, the host to
/// <see cref="Recovery"/> and <see cref="Inactivity"/>. The work of each step is done beside it:
/// <see cref="ActivationGate"/> (rules.md R4), <see cref="TestigoPrinting"/> (rules.md R1),
/// <see cref="DeviceFaults"/> and <see cref="VoteVault"/> (rules.md R3, R6).
/// </summary>
public sealed class VotingBooth
{
    private readonly object _gate = new();
    private readonly BoothSession _session;

    public VotingBooth(ElectionPackage package, ActivationGate activations, TestigoPrinting testigos,
        DeviceFaults devices, VoteVault vault, EventLog log, VoterActivity activity, OfficialAtTerminal? officials = null, TimeProvider? time = null)
    {
        Activity = activity;
        Package = package;
        Activations = activations;
        Testigos = testigos;
        Devices = devices;
        Vault = vault;
        Log = log;
        Time = time ?? TimeProvider.System;
        _session = new BoothSession(vault.Polls);
        Voter = new VoterAtBooth(this);
        Officials = new OfficialSteps(this, officials);
        Signals = new BoothSignals(this);
        View = new BoothView(_session, devices, Alerts);
        Polls = new PollsAtBooth(this);
        Recovery = new RestartRecovery(this);
        Inactivity = new InactivityWatch(this);
    }

    /// <summary>The voter's steps, as the ballot page and the scanner take them.</summary>
    public VoterAtBooth Voter { get; }
    /// <summary>What an official does at the terminal with card and PIN (rules.md R8).</summary>
    public OfficialSteps Officials { get; }
    /// <summary>The cover switch, paper sensors and confirm button (GPIO).</summary>
    public BoothSignals Signals { get; }
    /// <summary>Read-only: what /api/state and the desk show.</summary>
    public BoothView View { get; }
    /// <summary>Opening and closing, for the module's desk (Reports/ModuleCommandDesk).</summary>
    public IPollsAtTerminal Polls { get; }
    /// <summary>Run once at start, before any voter (rules.md R6).</summary>
    public RestartRecovery Recovery { get; }
    /// <summary>Driven by the host's timer (rules.md R9).</summary>
    public InactivityWatch Inactivity { get; }

    /// <summary>How long a voter may be inactive before the session ends; the page warns before this (rules.md R9).</summary>
    public TimeSpan InactivityLimit { get; init; } = InactivityWatch.DefaultLimit;

    /// <summary>Raised after a vote is sealed (the terminal sounds its tone, as the urna 7.0 does).</summary>
    public event Action? VoteRecorded;

    /// <summary>
    /// Raised, under the booth's lock, with the terminal's totals after every session that ended
    /// (sealed or not): the count reporter's cadence (issue 10 point 3) decides from the totals
    /// alone, never per session, whether to report.
    /// </summary>
    public event Action<VoteTotals>? SessionEnded;

    internal ElectionPackage Package { get; }
    internal ActivationGate Activations { get; }
    internal TestigoPrinting Testigos { get; }
    internal DeviceFaults Devices { get; }
    internal VoteVault Vault { get; }
    internal EventLog Log { get; }
    /// <summary>Voters' steps, counted per hour instead of logged one by one (issue 9 point 3).</summary>
    internal VoterActivity Activity { get; }
    internal TimeProvider Time { get; }
    internal TerminalAlerts Alerts { get; } = new();

    /// <summary>One step of the session, under the one lock: no two steps ever interleave.</summary>
    internal T Step<T>(Func<BoothSession, T> step)
    {
        lock (_gate) return step(_session);
    }

    internal void Step(Action<BoothSession> step)
    {
        lock (_gate) step(_session);
    }

    /// <summary>A step that gives up rather than wait behind a print or a redemption (a timer tick).</summary>
    internal bool TryStep(Func<BoothSession, bool> step)
    {
        if (!Monitor.TryEnter(_gate)) return false;
        try { return step(_session); }
        finally { Monitor.Exit(_gate); }
    }

    internal void RaiseVoteRecorded() => VoteRecorded?.Invoke();

    // Everything below runs inside a Step: the caller holds the lock.

    internal TransitionResult Fire(SessionEvent evt)
    {
        System.Diagnostics.Debug.Assert(Monitor.IsEntered(_gate), "a session transition outside the booth's lock");
        var result = _session.Machine.Fire(evt);
        if (!result.Ok) throw new InvalidOperationException("voting session: " + result.Reason);
        Signals.StateEntered(result.To);
        Devices.Show(_session.State);
        return result;
    }

    internal void Touch() => _session.LastAction = Time.GetUtcNow();

    internal ReviewView Review() => Testigo.Review(Package, _session.Markings!);

    /// <summary>Back to idle after a sealed or voided session; a fault that waited for the voter now takes the terminal out of service.</summary>
    internal void EndSession()
    {
        _session.LastSession = _session.State == SessionState.Sealed ? "Recorded" : "NoVote";
        if (_session.State is SessionState.Sealed or SessionState.Voided) Fire(SessionEvent.Reset);
        _session.Forget();
        SessionEnded?.Invoke(Vault.Totals());
        if (_session.State == SessionState.Idle)
        {
            // rules.md R1, R6 (design section 4): an acceptance or void mark that could not print
            // (the printer failed at accept, timeout, last rejection, an official ending an
            // interrupted session) must not leave the terminal serving voters with the paper
            // unmarked: print what is owed now, or go out of service until it prints.
            PrintOwedMarksOrFault();
        }
        Devices.Show(_session.State);
    }

    /// <summary>
    /// The one owed-mark step, taken the same way however the session ended (accept, timeout,
    /// rejection, cancel, an official): rules.md R3, review of issue 9 — the timed lines a printer
    /// fault leaves must not tell an accepted vote from a timed-out or rejected testigo. The
    /// devices are asked first: a printer known not ready gets one device-fault line and no print
    /// attempt (so no mark-print-failed line of its own); a print that fails anyway logs its
    /// failure and then the same fault.
    /// </summary>
    internal void PrintOwedMarksOrFault()
    {
        var fault = Devices.Pending();
        if (fault is null && !Testigos.PrintOwedMarks()) fault = MarkNotPrinted;
        if (fault is not null) Fault(SessionEvent.PrinterFault, fault);
    }

    /// <summary>Why the terminal went out of service when a mark owed on the testigo could not print.</summary>
    internal const string MarkNotPrinted = "a mark owed on the testigo paper could not print";

    /// <summary>A device fault: interrupts a session (voiding any testigo in flight) or takes an idle terminal out of service.</summary>
    internal void Fault(SessionEvent evt, string detail)
    {
        System.Diagnostics.Debug.Assert(Monitor.IsEntered(_gate), "a device fault outside the booth's lock");
        var result = _session.Machine.Fire(evt);
        if (!result.Ok) return; // e.g. a fault while a sealed vote's mark prints: handled when the session ends (owed marks)
        Signals.StateEntered(result.To);
        VoidInFlight(result, evt == SessionEvent.CoverOpened ? VoidReason.CoverOpened : VoidReason.PrinterFault, mayBeOnPaper: true);
        _session.Message = result.To == SessionState.Interrupted
            ? "Votación interrumpida: " + detail + ". Su voto NO se ha registrado; espere a un funcionario / Voting interrupted: your vote is NOT recorded yet; wait for an official"
            : "Urna fuera de servicio: " + detail + ". Llame a un funcionario / Out of service: call an official";
        Alerts.Add(detail);
        // No session state on the line (review of issue 10): Interrupted vs Fault would tell
        // whether a voter stood at the terminal, which the timed line must not (rules.md R3).
        Log.Append("device-fault", null, new() { ["event"] = SessionNames.Of(evt), ["detail"] = detail });
        Devices.Show(_session.State);
    }

    /// <summary>Void the testigo in flight if the transition says so.</summary>
    internal void VoidInFlight(TransitionResult transition, VoidReason reason, bool mayBeOnPaper)
    {
        if (!transition.VoidsTestigo || _session.Testigo is null) return;
        Testigos.Void(_session.Testigo, reason, mayBeOnPaper);
        _session.Testigo = null;
    }

    /// <summary>
    /// rules.md R7: every refusal is logged with its reason (review finding: confirm, accept, reject
    /// and cancel refusals went unlogged). A voter's refusal is counted with its reason on the
    /// hour's voter-activity line, never a timed line of its own (issue 9 point 3). Reasons name
    /// states and counts only, never a selection (rules.md R3). The count's key is the short code
    /// (<see cref="VoterRefusals"/>), never the prose, which goes to the screen.
    /// </summary>
    internal Parsed<T> Refuse<T>(string evt, string code, string reason)
    {
        Activity.Record(evt, Actor.Voter, code);
        return Parsed<T>.Fail(reason);
    }
}
