using Vmre.Common.Measurement;
using Vmre.Devices.Tpm;

namespace Vmre.Terminal.Tests.MeasuredStart;

/// <summary>
/// Security review of issue 10 point 1, with the real launcher on a real swtpm: vmre-launch becomes
/// only the terminal's `run`, `verify-store` or `reseal`, on the data folder it measured and the
/// TPM it extended; anything else is refused by name before anything is measured (PCR 13 still
/// holds its power-on value, no measured-start.json).
/// </summary>
public sealed class LauncherRefusalTests
{
    [Theory]
    [InlineData("seal", "the terminal command must be one of run, verify-store, reseal (got 'seal')")]
    [InlineData("provision", "the terminal command must be one of run, verify-store, reseal (got 'provision')")]
    [InlineData("--help", "the terminal command must be one of run, verify-store, reseal (got '--help')")]
    public void A_command_other_than_run_verify_store_or_reseal_is_refused_and_nothing_is_measured(string verb, string refusal)
    {
        using var terminal = new MeasuredTerminal();

        var (exit, output) = Launch(terminal, [verb, "--data", terminal.DataDir, "--tcti", terminal.Swtpm.Tcti]);

        Assert.True(exit == 1, output);
        Assert.Contains(refusal, output);
        AssertNothingMeasured(terminal);
    }

    [Fact]
    public void Help_on_a_started_command_is_refused_and_nothing_is_measured()
    {
        using var terminal = new MeasuredTerminal();

        var (exit, output) = Launch(terminal, ["verify-store", "--data", terminal.DataDir, "--tcti", terminal.Swtpm.Tcti, "--help"]);

        Assert.True(exit == 1, output);
        Assert.Contains("'--help' is not started through the measured start", output);
        AssertNothingMeasured(terminal);
    }

    [Fact]
    public void A_terminal_data_folder_other_than_the_measured_one_is_refused_and_nothing_is_measured()
    {
        using var terminal = new MeasuredTerminal();
        var other = Directory.CreateDirectory(terminal.DataDir + "-other").FullName;
        try
        {
            var (exit, output) = Launch(terminal, ["verify-store", "--data", other, "--tcti", terminal.Swtpm.Tcti]);
            Assert.True(exit == 1, output);
            Assert.Contains($"the terminal's --data {other} is not the measured data folder {terminal.DataDir}", output);

            (exit, output) = Launch(terminal, ["verify-store", "--tcti", terminal.Swtpm.Tcti]);
            Assert.True(exit == 1, output);
            Assert.Contains("the terminal command must name --data exactly once", output);

            (exit, output) = Launch(terminal, ["verify-store", "--data", terminal.DataDir, "--tcti", "swtpm:host=127.0.0.1,port=1"]);
            Assert.True(exit == 1, output);
            Assert.Contains($"the terminal command must name --tcti {terminal.Swtpm.Tcti} exactly once", output);
        }
        finally { Directory.Delete(other, recursive: true); }
        AssertNothingMeasured(terminal);
    }

    private static (int Exit, string Output) Launch(MeasuredTerminal terminal, string[] terminalArgs)
    {
        using var launched = new LaunchedProcess([
            "--program", terminal.ProgramDir, "--data", terminal.DataDir, "--tcti", terminal.Swtpm.Tcti, "--",
            "dotnet", Path.Combine(terminal.ProgramDir, "vmre-terminal.dll"), .. terminalArgs]);
        var exit = launched.WaitForExit();
        return (exit, launched.Output);
    }

    private static void AssertNothingMeasured(MeasuredTerminal terminal)
    {
        Assert.False(File.Exists(Path.Combine(terminal.DataDir, MeasuredStartRecord.FileName)));
        using var tpm = new FapiTpm(FapiConfig.In(terminal.DataDir, terminal.Swtpm.Tcti));
        Assert.Equal(new byte[32], tpm.PcrRead(MeasurementList.Pcr));
    }
}
