namespace Vmre.Common.Election;

/// <summary>
/// Mexican ballot rules (brief section 2): one party marked counts for that party; several
/// parties of the same coalition count for the common candidate, reported under that
/// combination; a write-in counts as candidatura no registrada; anything else — nothing
/// marked, parties of different candidacies, unknown parties, a write-in where none is
/// allowed — is a voto nulo.
/// </summary>
public static class BallotRules
{
    public static CountedAs Classify(Contest contest, Marking marking)
    {
        switch (marking.Kind)
        {
            case MarkingKind.Nothing:
                return CountedAs.Null;
            case MarkingKind.WriteIn:
                return contest.AllowsWriteIn && !string.IsNullOrWhiteSpace(marking.WriteInName)
                    ? CountedAs.WriteIn
                    : CountedAs.Null;
            case MarkingKind.Parties:
                return ClassifyParties(contest, marking.PartyCodes);
            default:
                throw new ArgumentOutOfRangeException(nameof(marking), marking.Kind, "unknown marking kind");
        }
    }

    private static CountedAs ClassifyParties(Contest contest, IReadOnlyList<string> codes)
    {
        var marked = codes.Distinct().ToArray();
        if (marked.Length == 0) return CountedAs.Null;
        var candidacy = contest.Candidacies.FirstOrDefault(c => marked.All(c.PartyCodes.Contains));
        if (candidacy is null) return CountedAs.Null;
        if (marked.Length == 1) return new CountedAs(CountKind.Party, marked[0]);
        // Report the combination in ballot order, e.g. "PAN+PRI+PRD".
        var ordered = candidacy.PartyCodes.Where(marked.Contains);
        return new CountedAs(CountKind.Combination, string.Join("+", ordered));
    }

    /// <summary>Every tally key a contest can produce, in acta order: parties, combinations, CNR, NULO.</summary>
    public static IReadOnlyList<CountedAs> ActaLines(Contest contest)
    {
        var lines = contest.PartyCodes.Select(p => new CountedAs(CountKind.Party, p)).ToList();
        foreach (var candidacy in contest.Candidacies.Where(c => c.IsCoalition))
            lines.AddRange(Combinations(candidacy.PartyCodes).Select(k => new CountedAs(CountKind.Combination, k)));
        if (contest.AllowsWriteIn) lines.Add(CountedAs.WriteIn);
        lines.Add(CountedAs.Null);
        return lines;
    }

    /// <summary>All subsets of two or more parties, keyed in ballot order, larger first.</summary>
    private static IEnumerable<string> Combinations(IReadOnlyList<string> parties)
    {
        var n = parties.Count;
        var subsets = new List<string[]>();
        for (var mask = 1; mask < 1 << n; mask++)
        {
            var members = Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).Select(i => parties[i]).ToArray();
            if (members.Length >= 2) subsets.Add(members);
        }
        return subsets
            .OrderByDescending(s => s.Length)
            .ThenBy(s => string.Join(",", s.Select(p => parties.ToList().IndexOf(p).ToString("D2"))), StringComparer.Ordinal)
            .Select(s => string.Join("+", s));
    }
}
