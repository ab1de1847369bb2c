using Vmre.Common.Closing;
using Vmre.Common.Election;
using Vmre.Common.Serialization;
using Vmre.ModuleServer.Counting;

namespace Vmre.ModuleServer.Tests.Counting;

/// <summary>
/// Issue 9 point 6: a closing record v3 is counted only if its votes per ballot style add up to
/// its votes sealed and every contest's total (recomputed from its lines) equals the votes of the
/// styles whose ballot carries that contest; otherwise it is refused whole. Styles here share
/// contests: A carries both, B only GOB-05, C only GOB-15.
/// </summary>
public sealed class StyleFitTests
{
    private static readonly ElectionPackage Package = InventedBallots.Package() with
    {
        BallotStyles = [new BallotStyle("A", "05", ["GOB-05", "GOB-15"]), new BallotStyle("B", "06", ["GOB-05"]), new BallotStyle("C", "15", ["GOB-15"])],
    };

    private static ContestTally Tally(string contest, params (string Key, int Count)[] lines) =>
        new(contest, lines.Select(l => new TallyLine(l.Key, l.Count)).ToArray());

    /// <summary>2 ballots of style A and 1 of B: GOB-05 has 3 entries, GOB-15 has 2.</summary>
    private static ClosingRecord Record(int sealedVotes = 3, IReadOnlyList<StyleVotes>? byStyle = null, int gob05 = 3, int gob15 = 2) =>
        new(ClosingRecord.FormatV4, "T1", "MRV-CHI", "hash", "u", "l", "n", sealedVotes, sealedVotes, 0, sealedVotes,
            [Tally("GOB-05", ("PAN", gob05 - 1), ("CNR", 1)), Tally("GOB-15", ("MORENA", gob15))], "head", 0,
            byStyle ?? [new StyleVotes("A", 2), new StyleVotes("B", 1)], 0, 0, 0, []);

    private static string? Refusal(ClosingRecord record)
    {
        var count = new ClosingCount(Package);
        var reason = count.Add(record);
        // Refused whole (rules.md R5): nothing of a refused record reaches the tally or the styles.
        if (reason is not null)
        {
            Assert.Empty(count.Counted);
            Assert.Empty(count.VotesByStyle);
            Assert.All(Package.Contests, c => Assert.All(BallotRules.ActaLines(c), l => Assert.Equal(0, count.Tally[c.Id, l.Key])));
        }
        return reason;
    }

    [Fact]
    public void A_record_whose_contests_fit_its_styles_is_counted_with_its_votes_per_style()
    {
        var count = new ClosingCount(Package);
        Assert.Null(count.Add(Record()));
        Assert.Equal(new Dictionary<string, int> { ["A"] = 2, ["B"] = 1 }, count.VotesByStyle);
        Assert.Equal(2, count.Tally["GOB-05", "PAN"]);
        Assert.Equal(1, count.Tally["GOB-05", "CNR"]);
    }

    [Fact]
    public void Votes_per_style_that_do_not_add_up_to_the_votes_sealed_are_refused() =>
        Assert.Equal("votesByStyle adds up to 3, votesSealed is 4", Refusal(Record(sealedVotes: 4)));

    [Fact]
    public void A_contest_with_more_votes_than_the_ballots_that_carry_it_is_refused() =>
        Assert.Equal("contest GOB-15 has 3 votes, more than the 2 votes of the ballot styles that carry it", Refusal(Record(gob15: 3)));

    [Fact]
    public void A_contest_with_fewer_votes_than_the_ballots_that_carry_it_is_refused() =>
        Assert.Equal("contest GOB-05 has 2 votes, fewer than the 3 votes of the ballot styles that carry it (each vote has one entry per contest of its style)",
            Refusal(Record(gob05: 2)));

    [Fact]
    public void A_contest_left_out_of_the_record_counts_as_zero_and_is_refused_when_its_styles_have_votes() =>
        Assert.Equal("contest GOB-15 has 0 votes, fewer than the 2 votes of the ballot styles that carry it (each vote has one entry per contest of its style)",
            Refusal(Record() with { Contests = [Tally("GOB-05", ("PAN", 3))] }));

    [Theory]
    [InlineData("Z", "ballot style Z is not in the election package")]
    [InlineData("A", "ballot style A appears twice in votesByStyle")]
    public void A_style_outside_the_package_or_twice_is_refused(string second, string reason) =>
        Assert.Equal(reason, Refusal(Record(byStyle: [new StyleVotes("A", 2), new StyleVotes(second, 1)])));

    [Fact]
    public void Styles_out_of_package_order_are_refused() =>
        Assert.Equal("ballot style A is out of package order in votesByStyle",
            Refusal(Record(byStyle: [new StyleVotes("B", 1), new StyleVotes("A", 2)])));

    [Fact]
    public void A_negative_style_count_is_refused() =>
        Assert.Equal("ballot style B has a negative vote count",
            Refusal(Record(byStyle: [new StyleVotes("A", 4), new StyleVotes("B", -1)])));

    [Fact]
    public void A_v3_record_without_votes_per_style_or_owed_marks_is_refused()
    {
        Assert.Equal("closing record v3 has no votesByStyle", Refusal(Record() with { VotesByStyle = null }));
        Assert.Equal("closing record v3 has no voidMarksOwed or acceptanceMarksOwed", Refusal(Record() with { AcceptanceMarksOwed = null }));
        Assert.Equal("closing record has a negative count of owed marks", Refusal(Record() with { VoidMarksOwed = -1 }));
        Assert.Equal("4 acceptance marks owed but only 3 votes sealed", Refusal(Record() with { AcceptanceMarksOwed = 4 }));
        Assert.Equal("closing record v3 has no acceptanceMarksTorn", Refusal(Record() with { AcceptanceMarksTorn = null }));
        Assert.Equal("4 acceptance marks torn is negative or more than the 3 votes sealed", Refusal(Record() with { AcceptanceMarksTorn = 4 }));
    }

    [Fact]
    public void The_written_contest_total_is_never_taken_the_lines_are_counted()
    {
        // A signed record whose written total lies: the reader derives the total from the lines.
        var json = VmreJson.Text(Record()).Replace("\"total\":3", "\"total\":300");
        Assert.Contains("\"total\":300", json);
        var record = VmreJson.Parse<ClosingRecord>(System.Text.Encoding.UTF8.GetBytes(json)).ValueOrThrow();
        Assert.Equal(3, record.Contests[0].Total);
        var count = new ClosingCount(Package);
        Assert.Null(count.Add(record));
        Assert.Equal(3, BallotRules.ActaLines(Package.Contest("GOB-05")).Sum(l => count.Tally["GOB-05", l.Key]));
    }
}
