using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Opening;

/// <summary>Brief section 2.2: the polls open only on a valid zero report from every terminal.</summary>
public class OpeningTests
{
    private static async Task<(int, PollsOpenResponse?)> Open(TestModule m) =>
        await m.Post<PollsOpenResponse>(ServerRoutes.PollsOpen, new { }, await m.SignIn("SEC-01"));

    [Fact]
    public async Task Opens_on_valid_zero_reports_and_only_once()
    {
        await using var module = await TestModule.Started();
        var (status, body) = await Open(module);
        Assert.Equal(200, status);
        Assert.All(body!.Terminals, t => Assert.True(t.ZeroReportOk, t.Reason));
        Assert.True(File.Exists(Path.Combine(module.Dir, "zero-reports", "T1.signed.json")));
        Assert.All(module.Terminals, t => Assert.Equal(module.Config().ModuleId, t.Received.Single().ModuleId));

        var (again, error) = await module.Post<ErrorBody>(ServerRoutes.PollsOpen, new { }, await module.SignIn("PRES-01"));
        Assert.Equal(409, again);
        Assert.Equal("polls already open", error!.Error);
        Assert.Contains(module.LogLines(), l => l.Contains("\"polls-opened\""));
    }

    [Fact]
    public async Task Refused_when_a_terminal_reports_non_zero_counters()
    {
        await using var module = await TestModule.Started();
        module.Terminals[1].EditZeroReport = z => z with { VotesSealed = 1, TestigosPrinted = 1 };
        var (status, body) = await Open(module);
        Assert.Equal(409, status);
        Assert.Equal(PollsState.NotOpen, body!.State);
        Assert.True(body.Terminals.Single(t => t.TerminalId == "T1").ZeroReportOk);
        Assert.Contains("counters are not zero", body.Terminals.Single(t => t.TerminalId == "T2").Reason);
        Assert.Equal(PollsState.NotOpen, (await module.Status()).State);
        Assert.Contains(module.LogLines(), l => l.Contains("zero-report-refused") && l.Contains("T2"));
    }

    [Fact]
    public async Task Refused_on_a_bad_signature_a_stale_nonce_or_a_failed_self_test()
    {
        await using var module = await TestModule.Started(terminals: 3);
        module.Terminals[0].SignWith = SoftwareSigningKey.Generate();
        module.Terminals[1].EditZeroReport = z => z with { CommandNonce = new string('0', 32) };
        module.Terminals[2].EditZeroReport = z => z with { SelfTestFailures = ["printer: paper out"] };
        var (status, body) = await Open(module);
        Assert.Equal(409, status);
        Assert.Contains("signed by key", body!.Terminals[0].Reason);
        Assert.Contains("nonce", body.Terminals[1].Reason);
        Assert.Contains("paper out", body.Terminals[2].Reason);
    }

    [Fact]
    public async Task Refused_when_a_terminal_is_unreachable()
    {
        await using var module = await TestModule.Prepare();
        await module.Terminals[1].DisposeAsync();
        await module.Start();
        var (status, body) = await Open(module);
        Assert.Equal(409, status);
        Assert.Contains("unreachable", body!.Terminals[1].Reason);
    }
}
