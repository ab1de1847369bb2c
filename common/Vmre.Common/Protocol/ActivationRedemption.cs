namespace Vmre.Common.Protocol;

/// <summary>
/// Terminal → module server: burn this activation before the ballot shows (brief rule 4).
/// The server burns it atomically; a second redemption, from any terminal, is refused.
/// </summary>
public sealed record RedeemRequest(string Token, string TerminalId);

public sealed record RedeemResponse(bool Accepted, string? Reason, string? BallotStyle);
