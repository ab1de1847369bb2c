using Vmre.Common.Closing;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Commands;

/// <summary>
/// Issue 8 point 3: freshness never depends on the terminal's clock (an isolated module LAN has
/// no time source). The real terminal runs with its wall clock 10 minutes ahead or behind; the
/// zero report it signs shows the skew, and it still obeys a fresh command and refuses a replay.
/// </summary>
public sealed class SkewedClockTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    public async Task A_terminal_whose_clock_is_off_obeys_a_fresh_command_and_refuses_its_replay(int minutesOff)
    {
        var off = TimeSpan.FromMinutes(minutesOff);
        await using var terminal = new LiveTerminal(time: new ScriptedTime(() => DateTimeOffset.UtcNow + off));
        await terminal.Start();
        var command = await terminal.SignedCommand(ModuleCommandKind.ZeroReport);

        var obeyed = await terminal.Lan.Command(command);
        var replay = await terminal.Lan.Command(command);

        Assert.True(obeyed.IsOk, obeyed.Error);
        var report = obeyed.Value!.Open<ZeroReport>(DocumentKinds.ZeroReport, PublicKey.FromPem(terminal.Identity.PublicKeyPem)).ValueOrThrow();
        var skew = DateTimeOffset.Parse(report.Utc, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow;
        Assert.InRange(skew, off - TimeSpan.FromMinutes(2), off + TimeSpan.FromMinutes(2)); // the terminal's clock really is off
        Assert.Equal("Open", (await terminal.Api.State()).ValueOrThrow().Polls);
        Assert.False(replay.IsOk);
        Assert.Equal(["replayed command: its challenge was already used"], RefusalLog.Reasons(terminal.DataDir));
    }
}
