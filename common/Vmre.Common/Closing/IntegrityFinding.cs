namespace Vmre.Common.Closing;

/// <summary>
/// One finding of the vote store's integrity check (issue 10 point 2), as closing record v4
/// carries it: a stable code (<c>row-altered</c>, <c>row-moved</c>, <c>digest-mismatch</c>,
/// <c>header-altered</c>, <c>rollback</c>, <c>epoch-ahead</c>, <c>layout</c>) and words. Never a
/// selection, a testigo id or a slot number (rules.md R3).
/// </summary>
public sealed record IntegrityFinding(string Code, string Detail);
