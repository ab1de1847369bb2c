using System.Security.Cryptography;
using Vmre.Common.Measurement;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Gpio;
using Vmre.HardwareSim.Printer;
using Vmre.Simulator.Processes;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Tpm;

namespace Vmre.Terminal.Tests.MeasuredStart;

/// <summary>
/// Issue 10 point 1, acceptance, with real processes: vmre-launch measures the terminal into
/// PCR 13 of a real swtpm and execs `vmre-terminal run`. The genuine program and configuration
/// unseal and serve; a changed binary or configuration cannot unseal, and the terminal says which
/// item differs and logs it; a process that extends exactly the expected digests after the
/// terminal started can neither unseal nor sign.
/// </summary>
public sealed class MeasuredStartTests
{
    [Fact]
    public async Task The_genuine_terminal_unseals_and_serves_in_the_launchers_process_and_a_later_process_extending_the_same_digests_can_neither_unseal_nor_sign()
    {
        using var terminal = new MeasuredTerminal();
        await using var server = await RedemptionStandIn.Start(terminal.Election, terminal.PublicKeyPem);
        using var printer = new PrinterEmulator(_ => { });
        using var board = new SimulatedGpioDriver();
        using var daemon = new GpioDaemon(board, Path.Combine(terminal.DataDir, "gpio.sock"));
        var kiosk = $"http://127.0.0.1:{FreePort.Next()}";
        using var launched = new LaunchedProcess(terminal.LaunchArgs(kiosk, $"https://127.0.0.1:{FreePort.Next()}", server.Url,
            printer.SlavePath, "remote:" + daemon.SocketPath));

        await launched.WaitForHttp(kiosk + TerminalRoutes.State);
        // execv kept the launcher's PID: the process serving is the one a power cut would kill.
        Assert.Contains("vmre-terminal.dll", File.ReadAllText($"/proc/{launched.Pid}/cmdline"));
        Assert.Contains("\"event\":\"measured-start\"", terminal.Events);
        Assert.Contains(TerminalSealing.ManifestHash(terminal.DataDir), terminal.Events);

        // "Another process" on the same TPM and keystore, after the terminal started.
        var manifest = TerminalSealing.LoadManifest(terminal.DataDir).ValueOrThrow();
        using var attacker = new FapiTpm(FapiConfig.In(terminal.DataDir, terminal.Swtpm.Tcti));
        foreach (var item in manifest.Items) attacker.PcrExtend(MeasurementList.Pcr, item.Digest());
        Assert.True(Assert.Throws<TpmError>(() => attacker.Unseal(TerminalSecrets.MasterPath)).IsPolicyFailure);
        var forged = SHA256.HashData("a closing record nobody counted"u8);
        Assert.True(Assert.Throws<TpmError>(() => attacker.SignDigest(TpmSigner.DeviceKeyPath, forged)).IsAuthFailure);
        attacker.UseAuth(TpmSigner.DeviceKeyPath, "");
        Assert.True(Assert.Throws<TpmError>(() => attacker.SignDigest(TpmSigner.DeviceKeyPath, forged)).IsAuthFailure);
    }

    [Fact]
    public void A_changed_binary_started_through_the_launcher_cannot_unseal_and_the_terminal_names_the_program_and_logs_it()
    {
        using var terminal = new MeasuredTerminal();
        var config = Path.Combine(terminal.ProgramDir, "vmre-terminal.runtimeconfig.json");
        File.AppendAllText(config, " "); // one byte more in one file; the program still runs

        var (exit, output) = LaunchToRefusal(terminal);

        Assert.True(exit == 1, output);
        Assert.Contains("refused to start: program differs from the manifest (measured ", output);
        Assert.Contains("\"event\":\"startup-refused\"", terminal.Events);
        Assert.Contains("program differs from the manifest", terminal.Events);
        Assert.DoesNotContain("\"event\":\"terminal-started\"", terminal.Events);
    }

    [Fact]
    public void A_changed_configuration_even_one_the_authority_signed_cannot_unseal_and_the_terminal_names_it()
    {
        using var terminal = new MeasuredTerminal();
        // A module config the authority did sign (so the election verifies), but not the one measured.
        var other = terminal.Election.Config(terminal.PublicKeyPem) with { WalkInCap = 50 };
        SignedDocument.Create(DocumentKinds.ModuleConfig, other, terminal.Election.Authority)
            .WriteFile(Path.Combine(terminal.DataDir, InstalledElection.ModuleConfigFile));

        var (exit, output) = LaunchToRefusal(terminal);

        Assert.True(exit == 1, output);
        Assert.Contains("module-config differs from the manifest", output);
        Assert.DoesNotContain("program differs", output);
        Assert.Contains("module-config differs from the manifest", terminal.Events);
    }

    [Fact]
    public void A_terminal_started_without_the_launcher_cannot_unseal_and_says_so()
    {
        using var terminal = new MeasuredTerminal();
        var args = terminal.LaunchArgs("http://127.0.0.1:1", "https://127.0.0.1:2", "https://127.0.0.1:3", "/dev/null", "remote:/nonexistent");
        var run = args.SkipWhile(a => a != "--").Skip(3).ToArray(); // after "-- dotnet DLL": `run ...` alone
        using var direct = new LaunchedProcess(Path.Combine(terminal.ProgramDir, "vmre-terminal.dll"), run);
        var exit = direct.WaitForExit();
        var output = direct.Output;

        Assert.True(exit == 1, output);
        Assert.Contains("not started through the measured start: PCR 13 holds its power-on value", output);
        Assert.Contains("\"event\":\"startup-refused\"", terminal.Events);
    }

    /// <summary>Started through the launcher with devices that are never reached: the refusal comes first.</summary>
    private static (int Exit, string Output) LaunchToRefusal(MeasuredTerminal terminal)
    {
        using var launched = new LaunchedProcess(terminal.LaunchArgs("http://127.0.0.1:1", "https://127.0.0.1:2", "https://127.0.0.1:3",
            "/dev/null", "remote:/nonexistent"));
        var exit = launched.WaitForExit();
        return (exit, launched.Output);
    }
}
