using Vmre.Common.Election;
using static Vmre.Common.Tests.Support.Ballots2023;

namespace Vmre.Common.Tests.Election;

/// <summary>
/// Brief section 2: every marking counts somewhere. Over many random markings (seeded, so a
/// failure reproduces), Classify never throws and always lands on a line of the acta, and a
/// Tally accepts every one of them.
/// </summary>
public class ClassifyPropertyTests
{
    private static readonly string[] Pool = ["PAN", "PRI", "PRD", "PT", "PVEM", "UDC", "MORENA", "NAEM", "XYZ", "pan", ""];

    private static Marking RandomMarking(Random rng, string contestId) => rng.Next(4) switch
    {
        0 => Marking.Nothing(contestId),
        1 => Marking.WriteIn(contestId, rng.Next(3) == 0 ? " " : "NOMBRE " + rng.Next(100)),
        2 => new Marking(contestId, MarkingKind.Parties, Enumerable.Range(0, rng.Next(0, 6)).Select(_ => Pool[rng.Next(Pool.Length)]).ToArray(), null),
        _ => Marking.Parties(contestId, Enumerable.Range(0, rng.Next(1, 5)).Select(_ => Pool[rng.Next(Pool.Length)]).ToArray()),
    };

    [Theory]
    [InlineData(20230604)]
    [InlineData(20240602)]
    public void Classify_is_total_and_always_lands_on_an_acta_line(int seed)
    {
        var rng = new Random(seed);
        var contests = new[] { CoahuilaContest, MexicoContest, NoWriteInContest };
        for (var i = 0; i < 5000; i++)
        {
            var contest = contests[rng.Next(contests.Length)];
            var marking = RandomMarking(rng, contest.Id);
            var counted = BallotRules.Classify(contest, marking);
            Assert.Contains(counted, BallotRules.ActaLines(contest));
        }
    }

    [Fact]
    public void Tally_of_random_markings_adds_up_to_the_number_of_markings()
    {
        var rng = new Random(1362);
        var tally = new Tally(Package());
        const int n = 2000;
        for (var i = 0; i < n; i++) tally.Count(RandomMarking(rng, i % 2 == 0 ? Coahuila : Mexico));
        Assert.All(tally.ToContestTallies(), c => Assert.Equal(n / 2, c.Total));
    }
}
