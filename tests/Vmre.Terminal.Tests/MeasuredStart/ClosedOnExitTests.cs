using Vmre.Common.Measurement;
using Vmre.Common.Protocol;
using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Gpio;
using Vmre.HardwareSim.Printer;
using Vmre.Simulator.Processes;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Tpm;

namespace Vmre.Terminal.Tests.MeasuredStart;

/// <summary>
/// Security review of issue 10 point 1, with real processes on a real swtpm: a terminal the
/// launcher measured and exec'd closes PCR 13 even when it exits before unsealing, so no process
/// started afterwards finds PCR 13 in the measured state; and the terminal gets only the
/// allow-listed environment, never the caller's LD_PRELOAD, profiler or other variables.
/// </summary>
public sealed class ClosedOnExitTests
{
    [Theory]
    [InlineData("manifest removed")]
    [InlineData("usage error")]
    public void A_terminal_that_exits_before_unsealing_leaves_PCR_13_closed_and_a_later_process_cannot_unseal(string how)
    {
        using var terminal = new MeasuredTerminal();
        var manifest = TerminalSealing.LoadManifest(terminal.DataDir).ValueOrThrow();
        var args = terminal.LaunchArgs("http://127.0.0.1:1", "https://127.0.0.1:2", "https://127.0.0.1:3", "/dev/null", "remote:/nonexistent");
        if (how == "manifest removed") File.Delete(Path.Combine(terminal.DataDir, MeasurementManifest.FileName));
        else args = [.. args, "--no-such-option"];

        using (var launched = new LaunchedProcess(args))
        {
            var exit = launched.WaitForExit();
            Assert.True(exit == (how == "usage error" ? 2 : 1), launched.Output);
            Assert.Contains("measured program", launched.Output); // the launcher did measure and exec
        }

        // "Another process" on the same TPM and keystore, extending nothing.
        using var later = new FapiTpm(FapiConfig.In(terminal.DataDir, terminal.Swtpm.Tcti));
        var expected = MeasurementList.ExpectedPcr(manifest.Items);
        Assert.Equal(MeasurementList.Extend(expected, MeasurementList.ClosingValue), later.PcrRead(MeasurementList.Pcr));
        Assert.True(Assert.Throws<TpmError>(() => later.Unseal(TerminalSecrets.MasterPath)).IsPolicyFailure);
    }

    [Fact]
    public async Task The_terminal_started_through_the_launcher_does_not_see_the_callers_preload_profiler_or_path()
    {
        using var terminal = new MeasuredTerminal();
        await using var server = await RedemptionStandIn.Start(terminal.Election, terminal.PublicKeyPem);
        using var printer = new PrinterEmulator(_ => { });
        using var board = new SimulatedGpioDriver();
        using var daemon = new GpioDaemon(board, Path.Combine(terminal.DataDir, "gpio.sock"));
        var kiosk = $"http://127.0.0.1:{FreePort.Next()}";
        // Harmless to the launcher itself (a library it already loads, a profiler switched off), so
        // the launcher runs; reaching the terminal is what must not happen.
        var caller = new Dictionary<string, string>
        {
            ["LD_PRELOAD"] = "/usr/lib/x86_64-linux-gnu/libm.so.6",
            ["CORECLR_ENABLE_PROFILING"] = "0",
            ["DOTNET_ADDITIONAL_DEPS"] = "/nonexistent/deps.json",
            ["VMRE_CALLER_PROBE"] = "1",
            ["PATH"] = "/tmp/caller-bin:" + Environment.GetEnvironmentVariable("PATH"),
        };
        using var launched = new LaunchedProcess(MeasuredTerminal.LauncherDll, terminal.LaunchArgs(kiosk, $"https://127.0.0.1:{FreePort.Next()}",
            server.Url, printer.SlavePath, "remote:" + daemon.SocketPath), caller);

        await launched.WaitForHttp(kiosk + TerminalRoutes.State);
        Assert.Contains("vmre-terminal.dll", File.ReadAllText($"/proc/{launched.Pid}/cmdline"));
        var environment = File.ReadAllText($"/proc/{launched.Pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in new[] { "LD_PRELOAD", "CORECLR_ENABLE_PROFILING", "DOTNET_ADDITIONAL_DEPS", "VMRE_CALLER_PROBE" })
            Assert.DoesNotContain(environment, e => e.StartsWith(name + "=", StringComparison.Ordinal));
        Assert.Contains("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", environment);
        Assert.Contains("TSS2_LOG=all+NONE", environment); // allowed, so the allow-list is what decides
        Assert.Contains("\"event\":\"measured-start\"", terminal.Events);
    }
}
