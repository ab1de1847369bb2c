using Vmre.Common.Protocol;
using Vmre.Simulator.Processes;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// vmre-terminal run as its own process (the dll the test project builds next to itself), so a
/// test can cut its power: <see cref="Kill"/> is SIGKILL, no shutdown code runs (brief rule 6).
/// The simulator's <see cref="PartProcess"/> does the process work, as it does in the demo.
/// </summary>
public sealed class TerminalProcess : IDisposable
{
    private readonly PartProcess _part;

    private TerminalProcess(PartProcess part, string url) => (_part, Url) = (part, url);

    public string Url { get; }
    public string Output => _part.Output;

    public static TerminalProcess Start(string dataDir, string tcti, string serverUrl, string printerPort)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var part = PartProcess.Start("vmre-terminal", Path.Combine(AppContext.BaseDirectory, "vmre-terminal.dll"),
            ["run", "--data", dataDir, "--tcti", tcti, "--urls", url, "--server", serverUrl, "--printer", printerPort, "--gpio", "sim"]);
        return new TerminalProcess(part, url);
    }

    /// <summary>Waits until the terminal answers GET /api/state (generous bound: a cold dotnet start on a loaded CI box).</summary>
    public Task WaitUntilServing() => _part.WaitForHttp(Url + TerminalRoutes.State, TimeSpan.FromSeconds(90));

    /// <summary>The power cut: SIGKILL to this process only, then wait for it to be gone.</summary>
    public void Kill() => _part.PowerCut();

    public void Dispose()
    {
        Kill(); // never SIGTERM: what a test leaves running was cut, not shut down
        _part.Dispose();
    }
}
