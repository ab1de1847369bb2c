using Vmre.Common.Closing;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Counts;

/// <summary>
/// Issue 10 point 6, the review's reproduction "count an inflated closing record": a record signed
/// by the terminal's own paired key (the key the module config pins) whose numbers are impossible
/// is refused, not counted, logged and named on the acta (issue 10 point 3).
/// </summary>
public class InflatedClosingRecordTests
{
    private static async Task<(int, PollsCloseResponse?)> Close(TestModule m) =>
        await m.Post<PollsCloseResponse>(ServerRoutes.PollsClose, new { }, await m.SignIn("PRES-01"));

    /// <summary>One voter checked in and redeemed at T1; T1 honestly sealed one PAN vote.</summary>
    private static async Task<TestModule> OneVoteAtT1()
    {
        var module = await TestModule.Started(terminals: 1);
        await module.OpenPolls();
        var desk = await module.SignIn();
        var token = await module.CheckIn(desk, TestElection.Voters[0].Clave);
        Assert.True((await module.Terminal("T1").RedeemAsync(module.Redeem(token, "T1"))).Value!.Accepted);
        var t = module.Terminals[0];
        (t.VotesSealed, t.TestigosPrinted, t.ActivationsRedeemed) = (1, 1, 1);
        t.Contests = [new ContestTally("GOB-05", [new TallyLine("PAN", 1)])];
        return module;
    }

    [Fact]
    public async Task The_reviews_record_votesSealed_1_with_PAN_500_and_MORENA_300_is_refused_and_not_counted()
    {
        await using var module = await OneVoteAtT1();
        module.Terminals[0].EditClosingRecord = r => r with
        {
            Contests = [new ContestTally("GOB-05", [new TallyLine("PAN", 500), new TallyLine("MORENA", 300)])],
        };

        var (status, closed) = await Close(module);
        Assert.Equal(200, status);
        Assert.False(closed!.Reconciled);
        Assert.False(closed.Terminals.Single().RecordOk);
        var acta = await module.Acta();
        Assert.Empty(acta.Terminals);
        Assert.Equal(0, acta.Contests.Single(c => c.ContestId == "GOB-05").Total);
        Assert.False(acta.CountChecks!.Single().Counted);
        Assert.Contains(module.LogLines(), l => l.Contains("\"closing-record-refused\"") && l.Contains("T1"));
    }

    [Fact]
    public async Task An_inflated_record_whose_own_numbers_agree_is_refused_against_the_servers_count_and_the_close_report()
    {
        // Every line of the record fits every other (StyleFit cannot see it): 800 votes, 800 of
        // style E05, 800 activations. Only the server's own count (1 burned for T1) and the
        // terminal's report at polls close (1 sealed) show it is impossible.
        await using var module = await OneVoteAtT1();
        module.Terminals[0].EditClosingRecord = r => r with
        {
            VotesSealed = 800, TestigosPrinted = 800, ActivationsRedeemed = 800, VotesByStyle = [new StyleVotes("E05", 800)],
            Contests = [new ContestTally("GOB-05", [new TallyLine("PAN", 500), new TallyLine("MORENA", 300)])],
        };

        var (_, closed) = await Close(module);
        const string reason = "the record states 800 activations redeemed, the server burned 1 for this terminal";
        Assert.Contains(reason, closed!.Terminals.Single().Reason);
        Assert.Contains(closed.Discrepancies, d => d.StartsWith("terminal T1: closing record refused and not counted") && d.Contains(reason));
        var acta = await module.Acta();
        Assert.Empty(acta.Terminals);
        Assert.Equal(0, acta.Contests.Single(c => c.ContestId == "GOB-05").Total);
        var check = acta.CountChecks!.Single();
        Assert.Equal(("T1", false, "redeemed-above-server"), (check.TerminalId, check.Counted, check.Findings.Single().Code));
        Assert.Contains("el servidor quemó 1", check.Findings.Single().Text);
        Assert.Contains(module.LogLines(), l => l.Contains("\"closing-record-refused\"") && l.Contains(reason));
        Assert.False(File.Exists(Path.Combine(module.Dir, "closing-records", "T1.signed.json")));
    }

    [Fact]
    public async Task A_record_other_than_the_report_sent_at_polls_close_is_refused()
    {
        await using var module = await OneVoteAtT1();
        var desk = await module.SignIn();
        var token = await module.CheckIn(desk, TestElection.Voters[1].Clave);
        Assert.True((await module.Terminal("T1").RedeemAsync(module.Redeem(token, "T1"))).Value!.Accepted);
        var t = module.Terminals[0];
        // The server burned 2 for T1; the terminal told it 1 vote, 1 activation at close, and signs 2 and 2.
        t.EditClosingRecord = r => r with
        {
            VotesSealed = 2, ActivationsRedeemed = 2, TestigosPrinted = 2, VotesByStyle = [new StyleVotes("E05", 2)],
            Contests = [new ContestTally("GOB-05", [new TallyLine("PAN", 2)])],
        };

        var (_, closed) = await Close(module);
        Assert.False(closed!.Terminals.Single().RecordOk);
        Assert.Equal("differs-from-close-report", (await module.Acta()).CountChecks!.Single().Findings.Single().Code);
        Assert.Contains("the record (2 votes, 0 without a vote, 2 activations) differs from the report at polls close (1, 0, 1)", closed.Terminals.Single().Reason);
    }

    [Fact]
    public async Task A_record_below_a_count_reported_during_the_day_is_refused()
    {
        // A store restored from an older copy or with a vote erased (issue 10 point 2) signs fewer
        // votes than the terminal already told the server: counters never go down.
        await using var module = await OneVoteAtT1();
        await CountReportSender.Send(module, "T1", CountReportSender.Report(module, "T1", 1, sealedVotes: 2, withoutVote: 0, redeemed: 2));
        module.Terminals[0].SendsCloseReport = false;

        var (_, closed) = await Close(module);
        Assert.False(closed!.Terminals.Single().RecordOk);
        Assert.Contains("votesSealed = 1 in the record, lower than 2 already reported during the day", closed.Terminals.Single().Reason);
        Assert.Equal("below-reported", (await module.Acta()).CountChecks!.Single().Findings.Single().Code);
    }

    [Fact]
    public async Task A_record_that_carries_store_findings_is_refused_and_the_findings_are_named()
    {
        await using var module = await OneVoteAtT1();
        module.Terminals[0].StoreFindings = [new IntegrityFinding("row-altered", "1 row's MAC does not verify")];

        var (_, closed) = await Close(module);
        Assert.False(closed!.Terminals.Single().RecordOk);
        var finding = (await module.Acta()).CountChecks!.Single().Findings.Single();
        Assert.Equal("store-findings", finding.Code);
        Assert.Contains("row-altered: 1 row's MAC does not verify", finding.Text);
        Assert.Contains("count its paper", finding.Text);
    }
}
