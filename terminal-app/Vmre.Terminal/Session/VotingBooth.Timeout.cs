using Vmre.Common.Logging;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;

namespace Vmre.Terminal.Session;

/// <summary>
/// Inactivity (brief rule 9: the ballot page warns first). A voter who walks away before
/// confirming leaves no vote; one who walks away from a printed testigo did not accept it, so it
/// is voided with a notice (VVSG "fleeing voter": a vote is cast only by the voter's own act).
/// </summary>
public sealed partial class VotingBooth
{
    private DateTimeOffset _lastAction;

    /// <summary>The limit when the command line names none (terminal-app/README.md: --inactivity, 180 s).</summary>
    public static readonly TimeSpan DefaultInactivityLimit = TimeSpan.FromMinutes(3);

    /// <summary>How long a voter may be inactive before the session ends; the page warns before this.</summary>
    public TimeSpan InactivityLimit { get; init; } = DefaultInactivityLimit;

    /// <summary>Called every few seconds by the host's timer; ends a session idle past the limit.</summary>
    public bool ExpireIfInactive()
    {
        // A timer thread must not queue behind a print or a redemption holding the lock: if the
        // booth is busy, the voter is not inactive; look again on the next tick.
        if (!Monitor.TryEnter(_gate)) return false;
        try
        {
            if (_session.State is not (SessionState.Activated or SessionState.Selecting or SessionState.Reviewing or SessionState.VoterVerifying))
                return false;
            if (_now() - _lastAction < InactivityLimit) return false;
            var result = Fire(SessionEvent.Timeout);
            VoidInFlight(result, VoidReason.VoterTimeout, mayBeOnPaper: true);
            store.Increment(SessionsAbandoned);
            log.Append("session-timed-out", Actor.Voter, new() { ["from"] = SessionNames.Of(result.From) });
            if (!PrintOwedNotices()) Alerts.Add("No se pudo imprimir la constancia de anulación / A voiding notice could not print");
            Alerts.Add("Sesión terminada por inactividad / Session ended for inactivity");
            EndSession();
            return true;
        }
        finally { Monitor.Exit(_gate); }
    }

    /// <summary>The voter did something: restart the inactivity clock.</summary>
    public void Touch()
    {
        lock (_gate) _lastAction = _now();
    }
}
