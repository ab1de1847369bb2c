using Vmre.Common.Election;
using static Vmre.Common.Tests.Support.Ballots2023;

namespace Vmre.Common.Tests.Election;

/// <summary>Brief section 2: the acta reports every party, every coalition combination, CNR and NULO.</summary>
public class ActaLinesTests
{
    private static string[] Keys(Contest c) => BallotRules.ActaLines(c).Select(l => l.Key).ToArray();

    [Fact]
    public void Coahuila_has_every_party_then_every_combination_then_cnr_and_nulo()
    {
        Assert.Equal(
            [
                "PAN", "PRI", "PRD", "PT", "PVEM", "UDC", "MORENA",
                "PAN+PRI+PRD", "PAN+PRI", "PAN+PRD", "PRI+PRD",
                "PVEM+UDC",
                "CNR", "NULO",
            ],
            Keys(CoahuilaContest));
    }

    [Theory]
    [InlineData(Coahuila, 7 + 4 + 1 + 2)]
    [InlineData(Mexico, 7 + 11 + 4 + 2)]
    public void Line_count_is_parties_plus_combinations_plus_cnr_and_nulo(string contestId, int expected)
    {
        Assert.Equal(expected, Keys(Package().Contest(contestId)).Length);
    }

    [Theory]
    [InlineData(new[] { "A", "B" }, 1)]
    [InlineData(new[] { "A", "B", "C" }, 4)]
    [InlineData(new[] { "A", "B", "C", "D" }, 11)]
    public void A_coalition_of_n_parties_has_all_its_subsets_of_two_or_more(string[] parties, int combinations)
    {
        var contest = new Contest("X", "X", "01", [new("Cand", parties)], AllowsWriteIn: false);
        Assert.Equal(combinations, BallotRules.ActaLines(contest).Count(l => l.Kind == CountKind.Combination));
    }

    [Fact]
    public void Estado_de_Mexico_combinations_are_larger_first_in_ballot_order()
    {
        var combos = BallotRules.ActaLines(MexicoContest).Where(l => l.Kind == CountKind.Combination).Select(l => l.Key).ToArray();
        Assert.Equal(
            [
                "PAN+PRI+PRD+NAEM",
                "PAN+PRI+PRD", "PAN+PRI+NAEM", "PAN+PRD+NAEM", "PRI+PRD+NAEM",
                "PAN+PRI", "PAN+PRD", "PAN+NAEM", "PRI+PRD", "PRI+NAEM", "PRD+NAEM",
                "PT+PVEM+MORENA",
                "PT+PVEM", "PT+MORENA", "PVEM+MORENA",
            ],
            combos);
    }

    [Theory]
    [InlineData(Coahuila)]
    [InlineData(Mexico)]
    public void No_duplicate_lines(string contestId)
    {
        var keys = Keys(Package().Contest(contestId));
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void No_cnr_line_when_write_in_not_allowed()
    {
        var keys = Keys(NoWriteInContest);
        Assert.DoesNotContain(CountedAs.WriteInKey, keys);
        Assert.Equal(CountedAs.NullKey, keys[^1]);
    }

    [Fact]
    public void Every_combination_can_be_produced_by_classify()
    {
        // Each combination line is reachable by marking exactly its parties, in reverse order.
        foreach (var contest in new[] { CoahuilaContest, MexicoContest })
            foreach (var line in BallotRules.ActaLines(contest).Where(l => l.Kind == CountKind.Combination))
            {
                var marked = line.Key.Split('+').Reverse().ToArray();
                Assert.Equal(line, BallotRules.Classify(contest, Marking.Parties(contest.Id, marked)));
            }
    }
}
