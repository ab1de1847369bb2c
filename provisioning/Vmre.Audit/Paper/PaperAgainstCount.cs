using Vmre.Common.Closing;
using Vmre.Common.Election;

namespace Vmre.Audit.Paper;

/// <summary>
/// The paper recount against the electronic count (issue 9 point 2, rules.md R1): per contest and
/// option (the acta's lines, or the closing records' totals), and per ballot style (the closing
/// records' votes by style). Both ways: a line or style missing on either side is a difference.
/// Each difference in words; none means the paper equals the count.
/// </summary>
public static class PaperAgainstCount
{
    /// <summary>Per option: every line of every contest, paper against <paramref name="what"/>.</summary>
    public static IReadOnlyList<string> PerOption(Tally paper, IEnumerable<ContestTally> electronic, string what)
    {
        var differences = new List<string>();
        var lines = new Dictionary<(string Contest, string Key), int>();
        foreach (var contest in electronic)
            foreach (var line in contest.Lines)
                if (!lines.TryAdd((contest.ContestId, line.Key), line.Count)) differences.Add($"{contest.ContestId} {line.Key}: twice in the {what}");
        var counted = paper.ToContestTallies().SelectMany(c => c.Lines.Select(l => (Key: (c.ContestId, l.Key), l.Count))).ToList();
        foreach (var (key, count) in counted)
        {
            if (!lines.TryGetValue(key, out var votes)) differences.Add($"{key.Item1} {key.Item2}: paper {count}, not in the {what}");
            else if (votes != count) differences.Add($"{key.Item1} {key.Item2}: paper {count}, {what} {votes}");
        }
        var known = counted.Select(c => c.Key).ToHashSet();
        differences.AddRange(lines.Keys.Where(k => !known.Contains(k)).Select(k => $"{k.Contest} {k.Key}: in the {what}, not in the package"));
        return differences;
    }

    /// <summary>Per ballot style: the paper votes of each style against <paramref name="what"/>'s (a style absent on one side is 0 there).</summary>
    public static IReadOnlyList<string> PerStyle(BoxRecount paper, IEnumerable<(string Style, int Votes)> electronic, string what)
    {
        var counted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (style, votes) in electronic) counted[style] = counted.GetValueOrDefault(style) + votes;
        return paper.Styles.Select(s => s.Style).Union(counted.Keys, StringComparer.Ordinal)
            .Where(style => paper.VotesOf(style) != counted.GetValueOrDefault(style))
            .Select(style => $"ballot style {style}: paper {paper.VotesOf(style)}, {what} {counted.GetValueOrDefault(style)}")
            .ToArray();
    }

    /// <summary>The acta's lines as contest tallies, to compare with <see cref="PerOption"/>.</summary>
    public static IEnumerable<ContestTally> Lines(Vmre.Common.Acta.Acta acta) =>
        acta.Contests.Select(c => new ContestTally(c.ContestId, c.Lines.Select(l => new TallyLine(l.Key, l.Votes)).ToArray()));
}
