using Vmre.StoreCheck;

namespace Vmre.Terminal.Tests.Votes.Order;

/// <summary>
/// Issue 10 point 4: no byte of votes.db, its rollback journal or its free pages correlates with cast
/// order. Ten runs of 300 votes (voided testigos mixed in) on real files; for every view an attacker
/// has (file offset, page, in-page offset, slot index, last journal, free pages) Kendall's tau and
/// cast-adjacency against a 1,000-permutation null, Bonferroni-corrected over views x runs x 2. The
/// control shows the statistic does catch the pre-issue-10 layout (the review's in-page leak, at
/// 100 votes a run where the review measured pairwise agreement 0.67).
/// ./vmre store-order runs the same check at 1,500 votes. The files use synchronous=OFF here: it
/// changes when fsync is called, not where any byte goes (so the suite stays under a minute).
/// </summary>
public sealed class StoreOrderTests
{
    [Fact]
    public void No_view_of_the_store_file_correlates_with_cast_order()
    {
        var report = OrderReport.Run("vmre-vote-store/1", p => new SlotStoreUnderTest(p, durable: false), votes: 300, runs: 10,
            permutations: 1000, seed: 10);
        Keep("store-order.txt", report.Text());
        Assert.Equal(10 * 6, report.Results.Count);
        Assert.All(report.Results.Where(r => r.View is "file-offset" or "slot-index"), r => Assert.InRange(r.Statistic.N, 300, 400));
        Assert.False(report.Leaks, report.Text());
    }

    [Fact]
    public void The_check_catches_the_pre_issue_10_layout()
    {
        var report = OrderReport.Run("baseline (pre-issue-10 layout)", p => new BaselineUnderTest(p, durable: false), votes: 100, runs: 10,
            permutations: 1000, seed: 11);
        Keep("store-order-baseline.txt", report.Text());
        // The claim is the statistic's power: some view of the old layout is significant. Which view
        // carries it varies: run alone, the in-page offsets leak in every run (tau 0.37-0.52, 6 of 6
        // runs of `vmre-store-check order --baseline --votes 100`), but a clean-machine CI run of
        // the whole suite found no significant in-page view while another view was significant, so asserting that
        // one view failed the control while the leak was caught. ./vmre store-order --baseline shows each view.
        Assert.True(report.Leaks, report.Text());
    }

    private static void Keep(string name, string text)
    {
        if (Environment.GetEnvironmentVariable("VMRE_TEST_ARTIFACTS") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name), text);
    }
}
