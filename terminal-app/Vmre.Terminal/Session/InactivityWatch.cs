using Vmre.Common.Logging;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;

namespace Vmre.Terminal.Session;

/// <summary>
/// Ends a session idle past the limit (rules.md R9: the page warns first). A voter who walks away
/// from a printed testigo did not accept it, so its void mark prints over it (VVSG "fleeing voter":
/// a vote is cast only by the voter's act, rules.md R1).
/// </summary>
public sealed class InactivityWatch
{
    /// <summary>The limit when the command line names none (terminal-app/README.md: --inactivity, 180 s).</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(3);

    private readonly VotingBooth _booth;

    internal InactivityWatch(VotingBooth booth) => _booth = booth;

    /// <summary>How long a voter may be inactive before the session ends (<see cref="VotingBooth.InactivityLimit"/>).</summary>
    public TimeSpan Limit => _booth.InactivityLimit;

    /// <summary>Called every few seconds by the host's timer; true when it ended a session.</summary>
    // A timer thread must not queue behind a print or a redemption holding the lock: if the
    // booth is busy, the voter is not inactive; look again on the next tick.
    public bool ExpireIfInactive() => _booth.TryStep(s =>
    {
        if (s.State is not (SessionState.Activated or SessionState.Selecting or SessionState.Reviewing or SessionState.VoterVerifying))
            return false;
        if (_booth.Time.GetUtcNow() - s.LastAction < Limit) return false;
        var result = _booth.Fire(SessionEvent.Timeout);
        _booth.VoidInFlight(result, VoidReason.VoterTimeout, mayBeOnPaper: true);
        _booth.Vault.SessionWithoutVote();
        _booth.Activity.Record("session-timed-out", Actor.Voter, SessionNames.Of(result.From));
        _booth.Alerts.Add("Sesión terminada por inactividad / Session ended for inactivity");
        _booth.EndSession(); // prints the owed void mark, or goes out of service, as every session end does (rules.md R3)
        return true;
    });
}
