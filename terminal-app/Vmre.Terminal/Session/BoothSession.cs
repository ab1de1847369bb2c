using Vmre.Common.Election;
using Vmre.Firmware.Session;

namespace Vmre.Terminal.Session;

/// <summary>
/// What one voter session holds while it runs: the firmware's state machine (which also counts
/// the testigos printed), the redeemed ballot style, the marks, the testigo in flight, when the
/// voter last acted, and how the last session ended. Only <see cref="VotingBooth"/> creates it,
/// and every change happens under the booth's one lock. Marks live only here, in memory, until
/// sealed, and are never logged (rules.md R3).
/// </summary>
internal sealed class BoothSession(TerminalPolls polls)
{
    public VotingSession Machine { get; } = new();
    public SessionState State => Machine.State;
    public TerminalPolls Polls { get; set; } = polls;
    public BallotStyle? Style { get; set; }
    public IReadOnlyList<Marking>? Markings { get; set; }
    public Testigo? Testigo { get; set; }
    public DateTimeOffset LastAction { get; set; }
    /// <summary>What the screen tells the voter or the officials now (a fault, a print failure).</summary>
    public string? Message { get; set; }
    /// <summary>How the last session ended: "Recorded", "NoVote", or null (none yet, or one running).</summary>
    public string? LastSession { get; set; }

    /// <summary>A session with no ballot (idle, out of service, recovering) shows no ballot and no marks.</summary>
    public bool ShowsNoBallot => State is SessionState.Idle or SessionState.Fault or SessionState.Recovering;

    /// <summary>Forget the voter's session: style, marks and testigo (rules.md R2, R3: nothing kept).</summary>
    public void Forget()
    {
        Style = null;
        Markings = null;
        Testigo = null;
        Message = null;
    }
}
