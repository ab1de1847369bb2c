using Vmre.Cli;
using Vmre.ModuleServer.Hosting;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests;

/// <summary>Issue 7.5: vmre-module-server's command line (System.CommandLine) and what it says at start.</summary>
public class CommandLineTests
{
    private static (int Exit, string Out, string Err) Run(params string[] argv)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLineProgram.Run(CommandLine.Create((_, _, _, _) => Task.FromResult(ExitCode.Ok)), argv, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Help_names_every_option()
    {
        var run = Run("run", "--help");
        Assert.Equal(0, run.Exit);
        foreach (var option in new[] { "--data", "--tcti", "--kiosk", "--lan", "--printer", "--terminal" }) Assert.Contains(option, run.Out);
        var provision = Run("provision", "--help");
        Assert.Equal(0, provision.Exit);
        foreach (var option in new[] { "--data", "--tcti", "--authority-pub" }) Assert.Contains(option, provision.Out);
        Assert.Contains("provision", Run("--help").Out);
    }

    [Theory]
    [InlineData("run", "--data", "/d", "--lan", "https://127.0.0.1:5443", "--bogus", "x")]
    [InlineData("run", "--data", "/d")]
    [InlineData("run", "--data", "/d", "--lan", "https://127.0.0.1:5443", "--terminal", "T1")]
    [InlineData("run", "--data", "/d", "--lan", "https://127.0.0.1:5443", "--terminal", "T1=nowhere")]
    [InlineData("run", "--data", "/d", "--lan", "https://127.0.0.1:5443", "--terminal", "T1=https://10.0.0.1:1", "--terminal", "T1=https://10.0.0.2:1")]
    [InlineData("provision", "--data", "/d", "--lan", "https://127.0.0.1:5443")]
    [InlineData("provision")]
    [InlineData("provision", "--data", "/d")] // issue 11 point 5: the authority to trust is required
    public void A_wrong_command_line_is_a_usage_error_that_says_where_to_look(params string[] argv)
    {
        var run = Run(argv);
        Assert.Equal(2, run.Exit);
        Assert.Contains($"try 'vmre-module-server {argv[0]} --help'", run.Err);
    }

    [Fact]
    public async Task Refusing_to_start_exits_1_with_the_reason()
    {
        await using var module = await TestModule.Prepare();
        var error = new StringWriter();
        // No supplied key and no provisioned TPM in the folder: the executable's case.
        var exit = await ModuleServerRun.Serve(module.Options() with { ServerKey = null }, TextWriter.Null, error, CancellationToken.None);
        Assert.Equal(1, exit);
        Assert.Contains("vmre-module-server refused to start: ", error.ToString());
        Assert.Contains("the server's TPM is not provisioned", error.ToString());
    }

    [Fact]
    public async Task Says_where_it_listens_and_what_it_loaded()
    {
        await using var module = await TestModule.Prepare();
        var output = new WatchedWriter();
        using var stop = new CancellationTokenSource();
        var serving = ModuleServerRun.Serve(module.Options(), output, TextWriter.Null, stop.Token);
        await output.WaitFor("loaded LNERE slice", TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        Assert.Equal(0, await serving);
        Assert.Matches(@"vmre-module-server desk \(kiosk face\) on http://127\.0\.0\.1:\d+, loopback only; LAN face on https://127\.0\.0\.1:\d+, mutual TLS", output.Text);
        Assert.Contains($"package hash {module.PackageHash}", output.Text);
        Assert.Contains($"loaded LNERE slice {module.SliceHash} ({TestElection.Voters.Length} voters)", output.Text);
    }
}
