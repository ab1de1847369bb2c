using Vmre.Common.Election;
using static Vmre.Common.Tests.Support.Ballots2023;

namespace Vmre.Common.Tests.Election;

/// <summary>Brief section 2, Mexican ballot rules: how one contest's marking counts.</summary>
public class BallotRulesTests
{
    private static CountedAs Coah(params string[] parties) => BallotRules.Classify(CoahuilaContest, Marking.Parties(Coahuila, parties));
    private static CountedAs Mex(params string[] parties) => BallotRules.Classify(MexicoContest, Marking.Parties(Mexico, parties));

    [Theory]
    [InlineData("PAN")]
    [InlineData("PT")]
    [InlineData("UDC")]
    [InlineData("MORENA")]
    public void One_party_counts_for_that_party(string party)
    {
        Assert.Equal(new CountedAs(CountKind.Party, party), Coah(party));
    }

    [Theory]
    [InlineData("PAN+PRI", "PAN", "PRI")]
    [InlineData("PAN+PRI", "PRI", "PAN")]
    [InlineData("PAN+PRD", "PRD", "PAN")]
    [InlineData("PRI+PRD", "PRD", "PRI")]
    [InlineData("PAN+PRI+PRD", "PRD", "PAN", "PRI")]
    [InlineData("PVEM+UDC", "UDC", "PVEM")]
    public void Coalition_parties_count_as_combination_in_ballot_order(string expected, params string[] marked)
    {
        Assert.Equal(new CountedAs(CountKind.Combination, expected), Coah(marked));
    }

    [Fact]
    public void Combination_key_is_in_ballot_order_even_when_not_alphabetical()
    {
        // Ballot order PT, PVEM, MORENA is not ordinal order (MORENA < PT < PVEM).
        Assert.Equal("PT+PVEM+MORENA", Mex("MORENA", "PVEM", "PT").Key);
        Assert.Equal("PVEM+MORENA", Mex("MORENA", "PVEM").Key);
        Assert.Equal("PAN+PRI+PRD+NAEM", Mex("NAEM", "PRD", "PRI", "PAN").Key);
        Assert.Equal("PRI+NAEM", Mex("NAEM", "PRI").Key);
    }

    [Fact]
    public void Marking_order_does_not_change_the_key_even_for_a_raw_marking()
    {
        // A Marking built without the factory (e.g. deserialised) keeps the voter's order.
        var raw = new Marking(Mexico, MarkingKind.Parties, ["MORENA", "PT"], null);
        Assert.Equal(new CountedAs(CountKind.Combination, "PT+MORENA"), BallotRules.Classify(MexicoContest, raw));
    }

    [Theory]
    [InlineData("PAN", "PT")]
    [InlineData("PRI", "MORENA")]
    [InlineData("PVEM", "PRD")]
    [InlineData("PT", "MORENA")]
    [InlineData("PAN", "PRI", "PVEM")]
    public void Cross_candidacy_marking_is_null(params string[] marked)
    {
        Assert.Equal(CountedAs.Null, Coah(marked));
    }

    [Fact]
    public void Cross_coalition_marking_is_null_in_Estado_de_Mexico()
    {
        Assert.Equal(CountedAs.Null, Mex("PAN", "MORENA"));
        Assert.Equal(CountedAs.Null, Mex("NAEM", "PT"));
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("NAEM")] // a real party, but not on Coahuila's ballot
    [InlineData("PAN", "XYZ")]
    public void Unknown_party_is_null(params string[] marked)
    {
        Assert.Equal(CountedAs.Null, Coah(marked));
    }

    [Fact]
    public void Nothing_marked_is_null()
    {
        Assert.Equal(CountedAs.Null, BallotRules.Classify(CoahuilaContest, Marking.Nothing(Coahuila)));
        Assert.Equal(CountedAs.Null, BallotRules.Classify(CoahuilaContest, Marking.Parties(Coahuila)));
    }

    [Fact]
    public void Write_in_counts_as_candidatura_no_registrada()
    {
        Assert.Equal(CountedAs.WriteIn, BallotRules.Classify(CoahuilaContest, Marking.WriteIn(Coahuila, "JUAN PÉREZ")));
    }

    [Fact]
    public void Write_in_where_not_allowed_is_null()
    {
        Assert.Equal(CountedAs.Null, BallotRules.Classify(NoWriteInContest, Marking.WriteIn(NoWriteIn, "JUAN PÉREZ")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_write_in_is_null(string name)
    {
        Assert.Equal(CountedAs.Null, BallotRules.Classify(CoahuilaContest, Marking.WriteIn(Coahuila, name)));
    }

    [Fact]
    public void Same_party_marked_twice_counts_once()
    {
        var raw = new Marking(Coahuila, MarkingKind.Parties, ["PAN", "PAN"], null);
        Assert.Equal(new CountedAs(CountKind.Party, "PAN"), BallotRules.Classify(CoahuilaContest, raw));
    }
}
