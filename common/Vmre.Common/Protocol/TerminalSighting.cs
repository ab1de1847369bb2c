namespace Vmre.Common.Protocol;

/// <summary>
/// What the officials' desk shows for one paired terminal (GET /api/terminals): its session and
/// polls state, paper, and the device alerts it reports (a voided testigo, an open cover).
/// Unreachable is a value: a terminal that does not answer is itself something officials must
/// see (brief section 2.4).
/// </summary>
public sealed record TerminalSighting(
    string TerminalId,
    bool Reachable,
    string? Polls,
    string? Session,
    string? Message,
    string? Paper,
    IReadOnlyList<string> Alerts,
    string? Problem);
