using Vmre.Common.Election;
using Vmre.Provisioning.ElectionPackages;

namespace Vmre.Provisioning.Tests.ElectionPackages;

/// <summary>The Mexican ballot rules (brief section 2) applied to the demo package's real coalitions.</summary>
public class BallotRulesOnDemoTests
{
    private static readonly ElectionPackage Demo = DemoElection.Pel2023();

    [Theory]
    [InlineData("GOB-05", "Party", "PAN", "PAN")]
    [InlineData("GOB-05", "Combination", "PAN+PRI", "PAN", "PRI")]
    [InlineData("GOB-05", "Combination", "PAN+PRI+PRD", "PRD", "PAN", "PRI")]
    [InlineData("GOB-05", "Null", "NULO", "PRI", "MORENA")]
    [InlineData("GOB-05", "Combination", "PVEM+UDC", "UDC", "PVEM")]
    [InlineData("GOB-05", "Null", "NULO", "NAEM")]
    [InlineData("GOB-15", "Combination", "PT+PVEM+MORENA", "MORENA", "PT", "PVEM")]
    [InlineData("GOB-15", "Combination", "PAN+PRI+PRD+NAEM", "NAEM", "PRD", "PRI", "PAN")]
    [InlineData("GOB-15", "Null", "NULO", "UDC")]
    public void Party_markings(string contest, string kind, string key, params string[] marked)
    {
        var counted = BallotRules.Classify(Demo.Contest(contest), Marking.Parties(contest, marked));
        Assert.Equal(new CountedAs(Enum.Parse<CountKind>(kind), key), counted);
    }

    [Fact]
    public void Write_in_counts_as_cnr_and_nothing_as_nulo()
    {
        Assert.Equal(CountedAs.WriteIn, BallotRules.Classify(Demo.Contest("GOB-05"), Marking.WriteIn("GOB-05", "Juana Pérez")));
        Assert.Equal(CountedAs.Null, BallotRules.Classify(Demo.Contest("GOB-15"), Marking.Nothing("GOB-15")));
    }
}
