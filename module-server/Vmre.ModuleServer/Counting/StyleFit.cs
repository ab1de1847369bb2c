using Vmre.Common.Closing;
using Vmre.Common.Election;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// The v3 checks of a closing record against its ballot styles (issue 9 point 6). Every sealed
/// vote has exactly one entry per contest of its style (the T2 payload's rule), so each contest's
/// total — recomputed from its lines, never the written <c>total</c> — must equal the votes of
/// the styles whose ballot carries it; more is a vote that no ballot could hold, fewer a vote
/// that lost a contest. Runs after the lines are known to fit the package.
/// </summary>
public static class StyleFit
{
    public static string? Misfit(ElectionPackage package, ClosingRecord record)
    {
        if (record.VotesByStyle is null) return "closing record v3 has no votesByStyle";
        // Issue 10 point 2: v4 always states the store's integrity, empty when whole.
        if (record.StoreFindings is null) return "closing record v4 has no storeFindings";
        if (record.StoreFindings.Any(f => f?.Code is null || f.Detail is null)) return "closing record has a storeFindings entry with missing fields";
        if (record.VoidMarksOwed is not { } voidOwed || record.AcceptanceMarksOwed is not { } acceptOwed)
            return "closing record v3 has no voidMarksOwed or acceptanceMarksOwed";
        if (voidOwed < 0 || acceptOwed < 0) return "closing record has a negative count of owed marks";
        if (acceptOwed > record.VotesSealed)
            return $"{acceptOwed} acceptance marks owed but only {record.VotesSealed} votes sealed";
        // Issue 9 review: sealed votes whose VOTO EMITIDO job failed after paper may have left.
        if (record.AcceptanceMarksTorn is not { } torn) return "closing record v3 has no acceptanceMarksTorn";
        if (torn < 0 || torn > record.VotesSealed)
            return $"{torn} acceptance marks torn is negative or more than the {record.VotesSealed} votes sealed";

        var order = package.BallotStyles.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var last = -1;
        foreach (var entry in record.VotesByStyle)
        {
            if (entry?.Style is null) return "closing record has a votesByStyle entry with missing fields";
            if (!order.TryGetValue(entry.Style, out var at)) return $"ballot style {entry.Style} is not in the election package";
            if (at == last) return $"ballot style {entry.Style} appears twice in votesByStyle";
            if (at < last) return $"ballot style {entry.Style} is out of package order in votesByStyle";
            if (entry.Votes < 0) return $"ballot style {entry.Style} has a negative vote count";
            last = at;
        }
        var byStyle = record.VotesByStyle.Sum(s => s.Votes);
        if (byStyle != record.VotesSealed)
            return $"votesByStyle adds up to {byStyle}, votesSealed is {record.VotesSealed}";

        foreach (var contest in package.Contests)
        {
            var carried = record.VotesByStyle
                .Where(s => package.Style(s.Style)!.ContestIds.Contains(contest.Id))
                .Sum(s => s.Votes);
            var total = record.Contests.Where(c => c.ContestId == contest.Id).Sum(c => c.Lines.Sum(l => l.Count));
            if (total > carried)
                return $"contest {contest.Id} has {total} votes, more than the {carried} votes of the ballot styles that carry it";
            if (total < carried)
                return $"contest {contest.Id} has {total} votes, fewer than the {carried} votes of the ballot styles that carry it (each vote has one entry per contest of its style)";
        }
        return null;
    }
}
