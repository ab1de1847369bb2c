using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.CheckIn;

/// <summary>
/// Review, rules.md R4 and section 2.3: two desks and two terminals racing. Exactly one
/// activation per voter, exactly one burn per activation, and no request fails with a 500
/// (SQLITE_BUSY must wait, not surface).
/// </summary>
public class ConcurrentCheckInTests
{
    [Fact]
    public async Task Two_desks_racing_for_the_same_voters_issue_one_activation_each_and_no_500()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desks = new[] { await module.SignIn("PRES-01"), await module.SignIn("SEC-01"), await module.SignIn("ESC-01") };
        var attempts = TestElection.Voters.SelectMany(v => Enumerable.Range(0, 12).Select(i => (v.Clave, Desk: desks[i % desks.Length])));
        var results = await Task.WhenAll(attempts.Select(a =>
            module.Post<CheckInConfirmResponse>(ServerRoutes.CheckInConfirm, CheckInConfirmRequest.Fresh(a.Clave), a.Desk)));
        Assert.All(results, r => Assert.Equal(200, r.Item1));
        Assert.Equal(TestElection.Voters.Length, results.Count(r => r.Item2!.Outcome == CheckInOutcome.Activated));
        var status = await module.Status();
        Assert.Equal(TestElection.Voters.Length, status.ActivationsIssued);
        Assert.Equal(TestElection.Voters.Length, status.CheckedIn);
    }

    [Fact]
    public async Task Two_terminals_racing_to_redeem_burn_each_activation_once_and_no_500()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var tokens = new List<string>();
        foreach (var v in TestElection.Voters) tokens.Add(await module.CheckIn(desk, v.Clave));
        var attempts = tokens.SelectMany(t => Enumerable.Range(0, 10).Select(i => module.Redeem(t, i % 2 == 0 ? "T1" : "T2")));
        var results = await Task.WhenAll(attempts.Select(r => module.Post<RedeemResponse>(ServerRoutes.RedeemActivation, r)));
        Assert.All(results, r => Assert.Equal(200, r.Item1));
        Assert.Equal(tokens.Count, results.Count(r => r.Item2!.Accepted));
        Assert.Equal(tokens.Count, (await module.Status()).ActivationsRedeemed);
    }

    [Fact]
    public async Task Check_ins_racing_with_closing_never_issue_after_closed()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var checkIns = TestElection.Voters.Select(v =>
            module.Post<CheckInConfirmResponse>(ServerRoutes.CheckInConfirm, CheckInConfirmRequest.Fresh(v.Clave), desk)).ToList();
        var close = module.Post<PollsCloseResponse>(ServerRoutes.PollsClose, new { }, await module.SignIn("PRES-01"));
        var results = await Task.WhenAll(checkIns);
        var (closeStatus, _) = await close;
        Assert.Equal(200, closeStatus);
        Assert.All(results, r => Assert.Equal(200, r.Item1));
        var acta = await module.Acta();
        Assert.Equal(results.Count(r => r.Item2!.Outcome == CheckInOutcome.Activated), acta.Reconciliation.ActivationsIssued);
    }
}
