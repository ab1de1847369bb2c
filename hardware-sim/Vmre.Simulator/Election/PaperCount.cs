using Vmre.Audit.Paper;

namespace Vmre.Simulator.Election;

/// <summary>
/// What the paper recount of the box showed, for summary.txt: the recount, its reconciliation per
/// ballot style in lines, and one counted and one voided testigo as printed (paths under the demo
/// folder, so a person can look at both papers: issue 9, "done when").
/// </summary>
public sealed record PaperCount(BoxRecount Box, IReadOnlyList<string> ByStyle, string? CountedTestigo, string? VoidedTestigo);
