using Vmre.Common.Closing;
using Vmre.Common.Election;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// Adds up the verified closing records per contest and tally key (brief section 2.5). A
/// record whose lines do not fit the election package is refused whole — it is never partly
/// counted (rules.md R5). A v3 record must also fit its ballot styles (<see cref="StyleFit"/>);
/// the votes per style of the counted records feed the acta's reconciliation per style.
/// </summary>
public sealed class ClosingCount(ElectionPackage package)
{
    private readonly Tally _tally = new(package);
    private readonly List<ClosingRecord> _counted = [];

    public IReadOnlyList<ClosingRecord> Counted => _counted;
    public Tally Tally => _tally;

    /// <summary>Votes per ballot style over the counted records.</summary>
    public IReadOnlyDictionary<string, int> VotesByStyle => _counted
        .SelectMany(r => r.VotesByStyle ?? [])
        .GroupBy(s => s.Style, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Sum(s => s.Votes), StringComparer.Ordinal);

    /// <summary>Counts the record, or returns why it cannot be counted.</summary>
    public string? Add(ClosingRecord record)
    {
        var problem = Problem(record);
        if (problem is not null) return problem;
        foreach (var contest in record.Contests) _tally.Add(contest);
        _counted.Add(record);
        return null;
    }

    /// <summary>Why the record cannot be counted as written, or null; counts nothing.</summary>
    public string? Problem(ClosingRecord record) => Misfit(record) ?? StyleFit.Misfit(package, record);

    private string? Misfit(ClosingRecord record)
    {
        if (record.VotesSealed < 0 || record.TestigosPrinted < 0 || record.TestigosVoided < 0 || record.ActivationsRedeemed < 0
            || record.SessionsWithoutVote < 0)
            return "closing record has a negative counter";
        if (record.Contests is null) return "closing record has no contest tallies";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tally in record.Contests)
        {
            // Signed is not well-formed (rules.md R5): a null inside the record is refused, never a crash.
            if (tally?.ContestId is null || tally.Lines is null || tally.Lines.Any(l => l?.Key is null))
                return "closing record has a contest tally with missing fields";
            if (!seen.Add(tally.ContestId)) return $"contest {tally.ContestId} appears twice";
            var contest = package.Contests.FirstOrDefault(c => c.Id == tally.ContestId);
            if (contest is null) return $"contest {tally.ContestId} is not in the election package";
            var keys = BallotRules.ActaLines(contest).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
            var lineKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in tally.Lines)
            {
                if (!keys.Contains(line.Key)) return $"tally key {line.Key} is not a line of contest {contest.Id}";
                if (!lineKeys.Add(line.Key)) return $"tally key {line.Key} appears twice in contest {contest.Id}";
                if (line.Count < 0) return $"tally line {contest.Id}/{line.Key} is negative";
            }
        }
        return null;
    }
}
