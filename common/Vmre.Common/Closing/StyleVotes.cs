namespace Vmre.Common.Closing;

/// <summary>
/// Sealed votes of one ballot style at one terminal (closing record v3, issue 9 point 6): a
/// count only, never which voter or in which order (rules.md R3).
/// </summary>
public sealed record StyleVotes(string Style, int Votes);
