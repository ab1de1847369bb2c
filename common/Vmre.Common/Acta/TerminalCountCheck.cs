namespace Vmre.Common.Acta;

/// <summary>
/// Acta v3 (issue 10 point 3): for each paired terminal, whether its closing record was counted
/// and what the server found comparing it with its own counts and the terminal's count reports.
/// </summary>
public sealed record TerminalCountCheck(string TerminalId, bool Counted, IReadOnlyList<CountFinding> Findings);

/// <summary>
/// One finding: a stable code (docs/formats/acta.md lists them) and the words, Spanish then
/// English (" / "), as the acta states its rules.
/// </summary>
public sealed record CountFinding(string Code, string Text);
