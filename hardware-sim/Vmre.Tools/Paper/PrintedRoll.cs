using Vmre.HardwareSim.Printer;

namespace Vmre.Tools.Paper;

/// <summary>
/// Everything a byte stream printed: the cut pages in order (the piece after the last cut
/// included) and the printer's notices, which name command shapes only, never printed text
/// (a testigo's text is a vote: rules.md R3).
/// </summary>
public sealed record PrintedRoll(IReadOnlyList<PrintedPaper> Pages, IReadOnlyList<string> Notices);
