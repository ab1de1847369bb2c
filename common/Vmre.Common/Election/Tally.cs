using Vmre.Common.Closing;

namespace Vmre.Common.Election;

/// <summary>
/// Counts per contest and tally key. Keys are those of <see cref="BallotRules.ActaLines"/>,
/// so every line of the acta is present even when zero (a zero is a statement too).
/// </summary>
public sealed class Tally
{
    private readonly ElectionPackage _package;
    private readonly Dictionary<string, Dictionary<string, int>> _counts = new();

    public Tally(ElectionPackage package)
    {
        _package = package;
        foreach (var contest in package.Contests)
            _counts[contest.Id] = BallotRules.ActaLines(contest).ToDictionary(l => l.Key, _ => 0);
    }

    public void Count(Marking marking)
    {
        // A contest not in the package is refused like in Add (InvalidDataException), not a KeyNotFoundException.
        if (!HasContest(marking.ContestId))
            throw new InvalidDataException($"contest {marking.ContestId} is not in the election package");
        var contest = _package.Contest(marking.ContestId);
        Add(contest.Id, BallotRules.Classify(contest, marking).Key, 1);
    }

    public void Add(ContestTally tally)
    {
        foreach (var line in tally.Lines) Add(tally.ContestId, line.Key, line.Count);
    }

    private void Add(string contestId, string key, int count)
    {
        if (!_counts.TryGetValue(contestId, out var lines))
            throw new InvalidDataException($"contest {contestId} is not in the election package");
        if (!lines.ContainsKey(key))
            throw new InvalidDataException($"tally key {key} is not a line of contest {contestId}");
        lines[key] += count;
    }

    internal bool HasContest(string contestId) => _counts.ContainsKey(contestId);

    public int this[string contestId, string key] => _counts[contestId][key];

    public IReadOnlyList<ContestTally> ToContestTallies() =>
        _package.Contests
            .Select(c => new ContestTally(c.Id,
                BallotRules.ActaLines(c).Select(l => new TallyLine(l.Key, _counts[c.Id][l.Key])).ToArray()))
            .ToArray();
}
