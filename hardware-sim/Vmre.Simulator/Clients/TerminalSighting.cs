namespace Vmre.Simulator.Clients;

/// <summary>One terminal as the module server's desk shows it (GET /api/terminals): state and alerts, for officials.</summary>
public sealed record TerminalSighting(string TerminalId, bool Reachable, string? Polls, string? Session, string? Message,
    string? Paper, IReadOnlyList<string> Alerts, string? Problem);
