using Vmre.Common.Protocol;
using Vmre.HardwareSim.Gpio;
using Vmre.HardwareSim.Tpm;
using Vmre.Simulator.Processes;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// vmre-terminal run as its own process, so a test can cut its power: <see cref="Kill"/> is
/// SIGKILL, no shutdown code runs (rules.md R6). Started as the demo starts it (issue 10 point 1):
/// a TPM power cycle, then the real launcher (vmre-launch) measures the terminal's real program
/// folder (<see cref="Program"/>, its build output) and execs `vmre-terminal run`. The simulator's
/// <see cref="PartProcess"/> and <see cref="MeasuredLaunch"/> do the process work.
/// </summary>
public sealed class TerminalProcess : IDisposable
{
    private readonly PartProcess _part;
    private readonly SimulatedGpioDriver _board;
    private readonly GpioDaemon _daemon;

    private TerminalProcess(PartProcess part, string url, string lanUrl, SimulatedGpioDriver board, GpioDaemon daemon) =>
        (_part, Url, LanUrl, _board, _daemon) = (part, url, lanUrl, board, daemon);

    /// <summary>The kiosk face (loopback).</summary>
    public string Url { get; }
    /// <summary>The LAN face (https, mutual TLS with the module server only).</summary>
    public string LanUrl { get; }
    public string Output => _part.Output;

    private static readonly RepositoryLayout Layout = RepositoryLayout.Locate();

    /// <summary>The program folder the launcher measures: seal the test terminal to it (<see cref="MeasuredBoot.Seal"/>).</summary>
    public static string Program => Layout.TerminalProgram;

    /// <summary>Power-cycles <paramref name="swtpm"/> (PCR 13 back to zero), then starts the terminal through the launcher.</summary>
    public static TerminalProcess Start(string dataDir, SwtpmInstance swtpm, string serverUrl, string printerPort)
    {
        swtpm.PowerCycle();
        var tcti = swtpm.Tcti;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var lanUrl = $"https://127.0.0.1:{FreePort.Next()}";
        // The board's pins, served to the terminal's process as the simulator serves them.
        var board = new SimulatedGpioDriver();
        var daemon = new GpioDaemon(board, Path.Combine(dataDir, "gpio.sock"));
        var part = MeasuredLaunch.Start("vmre-terminal", Layout, dataDir, tcti,
            ["run", "--data", dataDir, "--tcti", tcti, "--kiosk", url, "--lan", lanUrl, "--server", serverUrl, "--printer", printerPort,
             "--gpio", "remote:" + daemon.SocketPath]);
        return new TerminalProcess(part, url, lanUrl, board, daemon);
    }

    /// <summary>Waits until the terminal answers GET /api/state (generous bound: a cold dotnet start on a loaded CI box).</summary>
    public Task WaitUntilServing() => _part.WaitForHttp(Url + TerminalRoutes.State, TimeSpan.FromSeconds(90));

    /// <summary>The power cut: SIGKILL to this process only, then wait for it to be gone.</summary>
    public void Kill() => _part.PowerCut();

    public void Dispose()
    {
        Kill(); // never SIGTERM: what a test leaves running was cut, not shut down
        _part.Dispose();
        _daemon.Dispose();
        _board.Dispose();
    }
}
