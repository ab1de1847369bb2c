using Vmre.Terminal.Hosting;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Setup;

/// <summary>
/// Issue 7: the terminal's pins are the board's chip or a GPIO daemon's, named by --gpio, and
/// never silently simulated: pins that cannot be had refuse the start with the reason.
/// </summary>
public sealed class GpioChoiceTests
{
    [Fact]
    public async Task A_gpio_daemon_that_is_not_there_refuses_the_start_naming_its_socket()
    {
        await using var terminal = new LiveTerminal();
        var socket = Path.Combine(terminal.DataDir, "no-daemon.sock");

        var refused = await Assert.ThrowsAsync<TerminalStartupException>(() => terminal.Start(gpio: "remote:" + socket));

        Assert.False(refused.UsageError);
        Assert.Contains(socket, refused.Message);
        Assert.Contains("no daemon answers", refused.Message);
    }

    [Theory]
    [InlineData("sim")]
    [InlineData("remote:")]
    public async Task A_gpio_choice_that_is_neither_chip_nor_remote_is_a_usage_error(string gpio)
    {
        await using var terminal = new LiveTerminal();

        var refused = await Assert.ThrowsAsync<TerminalStartupException>(() => terminal.Start(gpio));

        Assert.True(refused.UsageError);
        Assert.Contains("--gpio must be chip or remote:SOCKET", refused.Message);
    }
}
