using Vmre.Common.Closing;
using Vmre.Common.Election;
using Vmre.Common.Tests.Support;
using static Vmre.Common.Tests.Support.Ballots2023;

namespace Vmre.Common.Tests.Election;

/// <summary>Brief section 2.5: closing records are added up per contest and key; rules.md R5: what does not fit is refused.</summary>
public class TallyTests
{
    [Fact]
    public void Every_acta_line_starts_at_zero()
    {
        var tally = new Tally(Package());
        var lines = tally.ToContestTallies();
        Assert.Equal([Coahuila, Mexico], lines.Select(c => c.ContestId));
        Assert.All(lines, c => Assert.All(c.Lines, l => Assert.Equal(0, l.Count)));
        Assert.Equal(BallotRules.ActaLines(MexicoContest).Count, lines[1].Lines.Count);
    }

    [Fact]
    public void Count_classifies_each_marking()
    {
        var tally = new Tally(Package());
        tally.Count(Marking.Parties(Coahuila, "PRI"));
        tally.Count(Marking.Parties(Coahuila, "PRD", "PAN"));
        tally.Count(Marking.Parties(Coahuila, "PAN", "PRD"));
        tally.Count(Marking.Parties(Coahuila, "PAN", "MORENA"));
        tally.Count(Marking.Nothing(Coahuila));
        tally.Count(Marking.WriteIn(Coahuila, "JUAN PÉREZ"));
        tally.Count(Marking.Parties(Mexico, "MORENA", "PT"));

        Assert.Equal(1, tally[Coahuila, "PRI"]);
        Assert.Equal(2, tally[Coahuila, "PAN+PRD"]);
        Assert.Equal(2, tally[Coahuila, "NULO"]);
        Assert.Equal(1, tally[Coahuila, "CNR"]);
        Assert.Equal(1, tally[Mexico, "PT+MORENA"]);
        Assert.Equal(6, tally.ToContestTallies()[0].Total);
        Assert.Equal(1, tally.ToContestTallies()[1].Total);
    }

    [Fact]
    public void Add_contest_tally_sums()
    {
        var tally = new Tally(Package());
        tally.Add(new ContestTally(Coahuila, [new("PAN", 3), new("PVEM+UDC", 2), new("NULO", 1)]));
        tally.Add(new ContestTally(Coahuila, [new("PAN", 4), new("NULO", 0)]));
        tally.Add(new ContestTally(Mexico, [new("PAN+PRI+PRD+NAEM", 5)]));
        Assert.Equal(7, tally[Coahuila, "PAN"]);
        Assert.Equal(2, tally[Coahuila, "PVEM+UDC"]);
        Assert.Equal(1, tally[Coahuila, "NULO"]);
        Assert.Equal(5, tally[Mexico, "PAN+PRI+PRD+NAEM"]);
        Assert.Equal(10, tally.ToContestTallies()[0].Total);
    }

    [Theory]
    [InlineData("PRI+PAN")]   // not in ballot order
    [InlineData("PAN+PT")]    // across candidacies
    [InlineData("NAEM")]      // not on this ballot
    [InlineData("nulo")]
    public void AddRefusesAKeyThatIsNotALine(string key)
    {
        var tally = new Tally(Package());
        var e = Assert.Throws<InvalidDataException>(() => tally.Add(new ContestTally(Coahuila, [new(key, 1)])));
        Assert.Contains(key, e.Message);
    }

    [Fact]
    public void Add_refuses_cnr_in_a_contest_without_write_in()
    {
        var package = Package() with { Contests = [NoWriteInContest] };
        var tally = new Tally(package);
        Assert.Throws<InvalidDataException>(() => tally.Add(new ContestTally(NoWriteIn, [new("CNR", 1)])));
    }

    [Fact]
    public void Add_refuses_a_contest_not_in_the_package()
    {
        var tally = new Tally(Package());
        var e = Assert.Throws<InvalidDataException>(() => tally.Add(new ContestTally("GOB-JAL", [new("PAN", 1)])));
        Assert.Contains("GOB-JAL", e.Message);
    }

    [Fact]
    public void Count_refuses_a_marking_for_a_contest_not_in_the_package()
    {
        var tally = new Tally(Package());
        Assert.Throws<InvalidDataException>(() => tally.Count(Marking.Parties("GOB-JAL", "PAN")));
    }
}
