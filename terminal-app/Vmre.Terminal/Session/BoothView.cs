using Vmre.Common.Protocol;
using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;

namespace Vmre.Terminal.Session;

/// <summary>
/// The booth's state as the screens show it (GET /api/state, the desk), read-only. Read without
/// the booth's lock: a display value must never wait behind a voter's print or redemption; each
/// value is read whole, at worst one step behind. No marks here (rules.md R3).
/// </summary>
public sealed class BoothView
{
    private readonly BoothSession _session;
    private readonly DeviceFaults _devices;

    internal BoothView(BoothSession session, DeviceFaults devices, TerminalAlerts alerts)
    {
        _session = session;
        _devices = devices;
        Alerts = alerts;
    }

    public TerminalPolls Polls => _session.Polls;
    public SessionState State => _session.State;
    public PaperLevel Paper => _devices.Paper;
    public string? Message => _session.Message;
    /// <summary>How the last session ended: "Recorded", "NoVote", or null (none yet, or one running).</summary>
    public string? LastSession => _session.LastSession;
    public TerminalAlerts Alerts { get; }

    /// <summary>The wire record GET /api/state answers.</summary>
    public TerminalState For(string terminalId) =>
        new(terminalId, Polls.ToString(), State.ToString(), Message, Paper.ToString(), Alerts.Recent(), LastSession);
}
