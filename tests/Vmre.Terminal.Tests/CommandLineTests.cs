using Vmre.Cli;
using Vmre.Terminal.Setup;

namespace Vmre.Terminal.Tests;

/// <summary>
/// Issue 7.5: vmre-terminal's command line (System.CommandLine): unknown options are refused
/// where the old reader ignored them, and a device path that does not exist is a refusal that
/// names it, not a stack trace.
/// </summary>
public class CommandLineTests
{
    private static (int Exit, string Out, string Err) Run(params string[] argv)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLineProgram.Run(TerminalCommandLine.Create(TerminalHost.Provision, TerminalHost.Run, SealingCommands.Seal, SealingCommands.Reseal), argv, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("provision", "--terminal-id")]
    [InlineData("seal", "--tcti")]
    [InlineData("reseal", "--manifest")]
    [InlineData("run", "--printer")]
    public void Every_command_has_help(string command, string mentions)
    {
        var run = Run(command, "--help");
        Assert.Equal(0, run.Exit);
        Assert.Contains(mentions, run.Out);
    }

    [Theory]
    [InlineData("run", "--data", "d", "--server", "https://127.0.0.1:5443", "--printer", "/dev/null", "--colour", "red")]
    [InlineData("run", "--data", "d", "--printer", "/dev/null")]
    [InlineData("run", "--data", "d", "--server", "nowhere", "--printer", "/dev/null")]
    [InlineData("run", "--data", "d", "--server", "http://127.0.0.1:5000", "--printer", "/dev/null")] // issue 8: the server only over TLS
    [InlineData("run", "--data", "d", "--kiosk", "http://10.0.0.11:5080", "--server", "https://127.0.0.1:5443", "--printer", "/dev/null")]
    [InlineData("run", "--data", "d", "--server", "https://127.0.0.1:5443", "--printer", "/dev/null", "--inactivity", "0")]
    [InlineData("run", "--data", "d", "--server", "https://127.0.0.1:5443", "--printer", "/dev/null", "--print-timeout", "soon")]
    [InlineData("provision", "--data", "d")]
    [InlineData("provision", "--data", "d", "--terminal-id", "T1", "--printer", "/dev/null")]
    [InlineData("vote")]
    public void A_wrong_command_line_is_a_usage_error(params string[] argv)
    {
        var run = Run(argv);
        Assert.Equal(2, run.Exit);
        Assert.Contains("try 'vmre-terminal", run.Err);
    }

    [Theory]
    [InlineData("--printer", "printer")]
    [InlineData("--scanner", "scanner")]
    [InlineData("--card-reader", "card reader")]
    public void A_missing_device_is_refused_by_name(string option, string device)
    {
        using var dir = new TempDir();
        var argv = new List<string> { "run", "--data", dir.Path, "--server", "https://127.0.0.1:5443" };
        if (option != "--printer") argv.AddRange(["--printer", "/dev/null"]);
        argv.AddRange([option, "/dev/nonexistent"]);
        var run = Run([.. argv]);
        Assert.Equal(1, run.Exit);
        Assert.Contains($"{device} /dev/nonexistent does not exist", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void An_unprovisioned_data_folder_is_refused_with_the_reason()
    {
        using var dir = new TempDir();
        var run = Run("run", "--data", dir.Path, "--server", "https://127.0.0.1:5443", "--printer", "/dev/null");
        Assert.Equal(1, run.Exit);
        Assert.StartsWith("vmre-terminal: refused to start: ", run.Err);
    }

    [Fact]
    public void Provisioning_without_a_reachable_tpm_is_refused_with_the_reason()
    {
        using var dir = new TempDir();
        // Port 1: nothing listens there, so the TPM connection fails at once.
        var run = Run("provision", "--data", dir.Path, "--tcti", "swtpm:host=127.0.0.1,port=1", "--terminal-id", "T1");
        Assert.Equal(1, run.Exit);
        Assert.Contains("refused: TPM Initialize failed", run.Err);
        Assert.False(File.Exists(Path.Combine(dir.Path, "terminal.json")));
    }
}
