using Vmre.Audit.Paper;
using Vmre.Common.Acta;
using Vmre.Common.Closing;
using Vmre.Common.Election;

namespace Vmre.Simulator.Election;

/// <summary>
/// The reconciliation per ballot style (issue 9 point 2): the votes of each style counted on paper
/// against the closing records' votes by style, the acta's votes sealed by style and the votes the
/// simulation cast; differences named, and one line per style for summary.txt.
/// </summary>
public sealed class StyleReconciliationLines
{
    public StyleReconciliationLines(ElectionPackage package, BoxRecount box, IReadOnlyList<ClosingRecord> records, Acta acta, ElectionDay day)
    {
        var recorded = records.SelectMany(r => r.VotesByStyle ?? []).Select(v => (v.Style, v.Votes)).ToList();
        var actaStyles = (acta.Reconciliation.ByStyle ?? []).Select(s => (s.Style, s.VotesSealed)).ToList();
        var cast = day.VotesByStyle.Select(v => (v.Key, v.Value)).ToList();
        Differences =
        [
            .. PaperAgainstCount.PerStyle(box, recorded, "closing records"),
            .. PaperAgainstCount.PerStyle(box, actaStyles, "acta"),
            .. PaperAgainstCount.PerStyle(box, cast, "cast"),
        ];
        Lines = package.BallotStyles.Select(s => s.Id)
            .Where(id => box.VotesOf(id) > 0 || recorded.Any(r => r.Style == id) || actaStyles.Any(a => a.Style == id) || day.VotesByStyle.ContainsKey(id))
            .Select(id => $"  ballot style {id,-6} paper {box.VotesOf(id),4}   closing records {Sum(recorded, id),4}   acta {Sum(actaStyles, id),4}   cast {day.VotesByStyle.GetValueOrDefault(id),4}")
            .ToArray();
    }

    public IReadOnlyList<string> Differences { get; }

    public IReadOnlyList<string> Lines { get; }

    private static int Sum(IEnumerable<(string Style, int Votes)> counts, string style) => counts.Where(c => c.Style == style).Sum(c => c.Votes);
}
