using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Counts;

/// <summary>
/// Issue 10 point 3: what is possible for a genuine terminal but cannot be confirmed is counted and
/// flagged — a discrepancy on the acta, a <c>closing-record-flagged</c> line — never silently reconciled.
/// </summary>
public class FlaggedClosingRecordTests
{
    private static async Task<(int, PollsCloseResponse?)> Close(TestModule m) =>
        await m.Post<PollsCloseResponse>(ServerRoutes.PollsClose, new { }, await m.SignIn("PRES-01"));

    [Fact]
    public async Task A_day_whose_record_matches_the_servers_count_and_the_close_report_reconciles_with_no_finding()
    {
        await using var module = await TestModule.Started(terminals: 1);
        await module.OpenPolls();
        var closed = (await Close(module)).Item2!;
        Assert.True(closed.Reconciled, string.Join("; ", closed.Discrepancies));
        var check = (await module.Acta()).CountChecks!.Single();
        Assert.True(check.Counted);
        Assert.Empty(check.Findings);
    }

    [Fact]
    public async Task A_missing_report_at_polls_close_is_flagged_and_the_record_still_counted()
    {
        await using var module = await TestModule.Started(terminals: 1);
        await module.OpenPolls();
        module.Terminals[0].SendsCloseReport = false;

        var (_, closed) = await Close(module);
        Assert.True(closed!.Terminals.Single().RecordOk);
        Assert.False(closed.Reconciled);
        Assert.Contains(closed.Discrepancies, d => d.StartsWith("terminal T1: no llegó el reporte de cuentas al cierre"));
        var acta = await module.Acta();
        Assert.Equal(["T1"], acta.Terminals);
        Assert.Equal("no-close-report", acta.CountChecks!.Single().Findings.Single().Code);
        Assert.Contains(module.LogLines(), l => l.Contains("\"closing-record-flagged\"") && l.Contains("no-close-report"));
    }

    [Fact]
    public async Task Fewer_redemptions_than_the_server_burned_for_the_terminal_are_flagged()
    {
        // The server burned two for T1; the terminal heard one answer (the other was lost after the burn).
        await using var module = await TestModule.Started(terminals: 1);
        await module.OpenPolls();
        var desk = await module.SignIn();
        foreach (var voter in TestElection.Voters.Take(2))
            Assert.True((await module.Terminal("T1").RedeemAsync(module.Redeem(await module.CheckIn(desk, voter.Clave), "T1"))).Value!.Accepted);
        var t = module.Terminals[0];
        (t.VotesSealed, t.TestigosPrinted, t.ActivationsRedeemed) = (1, 1, 1);
        t.Contests = [new Vmre.Common.Closing.ContestTally("GOB-05", [new Vmre.Common.Closing.TallyLine("PAN", 1)])];

        var (_, closed) = await Close(module);
        Assert.True(closed!.Terminals.Single().RecordOk);
        Assert.Contains("terminal T1: el servidor quemó 2 activaciones para esta urna, el registro dice 1 / the server burned 2 activations for this terminal, the record states 1",
            closed.Discrepancies);
        Assert.Equal("redeemed-below-server", (await module.Acta()).CountChecks!.Single().Findings.Single().Code);
    }

    [Fact]
    public async Task A_report_naming_an_older_store_epoch_than_one_before_is_flagged()
    {
        await using var module = await TestModule.Started(terminals: 1);
        await module.OpenPolls();
        await CountReportSender.Send(module, "T1", CountReportSender.Report(module, "T1", 1, 0, 0, 0, epoch: 5));
        await CountReportSender.Send(module, "T1", CountReportSender.Report(module, "T1", 2, 0, 0, 0, epoch: 4));

        var (_, closed) = await Close(module);
        Assert.True(closed!.Terminals.Single().RecordOk);
        Assert.Contains("store-epoch-went-back", (await module.Acta()).CountChecks!.Single().Findings.Select(f => f.Code));
    }
}
