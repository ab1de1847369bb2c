using Vmre.ModuleServer.Consoles;
using Vmre.ModuleServer.Hosting;

namespace Vmre.ModuleServer.Tests.Consoles;

/// <summary>
/// <c>vmre-module-server console provision|run</c> (issue 8 point 1) read like the rest of the
/// command line (issue 7.5): a missing or malformed option is a usage error (exit 2) naming it,
/// and the server's own required options do not apply to the console's commands.
/// </summary>
public sealed class ConsoleCommandLineTests
{
    [Theory]
    [InlineData("--server-key", "console", "run", "--data", "d", "--console-id", "DESK-01", "--server", "https://10.0.0.2:5443")]
    [InlineData("--console-id", "console", "provision", "--data", "d", "--console-id", "desk 1")]
    [InlineData("--console-id", "console", "run", "--data", "d", "--server", "https://10.0.0.2:5443", "--server-key", "k.pem")]
    public async Task A_missing_or_malformed_console_option_is_a_usage_error_that_names_it(string named, params string[] args)
    {
        var error = new StringWriter();
        var code = await Vmre.Cli.CommandLineProgram.RunAsync(CommandLine.Create(ModuleServerRun.Serve), args, new StringWriter(), error);
        Assert.Equal(2, code);
        Assert.Contains(named, error.ToString());
    }

    [Fact]
    public async Task Running_a_console_that_was_never_provisioned_is_refused_with_the_reason()
    {
        using var dir = new TempDir();
        var error = new StringWriter();
        var code = await Vmre.Cli.CommandLineProgram.RunAsync(CommandLine.Create(ModuleServerRun.Serve),
            ["console", "run", "--data", dir.Path, "--console-id", "DESK-01", "--server", "https://127.0.0.1:5443", "--server-key", dir.File("k.pem")],
            new StringWriter(), error);
        Assert.Equal(1, code);
        Assert.Contains("console not provisioned", error.ToString());
    }

    [Fact]
    public async Task Console_run_takes_the_consoles_own_card_reader_with_desk_reader()
    {
        // Issue 11 design §3: the console's PN532, where officials sign in at the console.
        ConsoleOptions? given = null;
        var command = ConsoleCommand.Create((_, _, _) => 0, (options, _, _, _) => { given = options; return Task.FromResult(0); });
        var root = new System.CommandLine.RootCommand { command };
        var code = await Vmre.Cli.CommandLineProgram.RunAsync(root,
            ["console", "run", "--data", "d", "--console-id", "DESK-01", "--server", "https://10.0.0.2:5443", "--server-key", "k.pem", "--desk-reader", "/dev/ttyUSB0"],
            new StringWriter(), new StringWriter());
        Assert.Equal(0, code);
        Assert.Equal("/dev/ttyUSB0", given!.DeskReaderPath);
    }
}
