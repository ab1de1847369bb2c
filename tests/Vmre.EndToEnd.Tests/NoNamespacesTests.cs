using System.Diagnostics;
using Vmre.Simulator.Processes;

namespace Vmre.EndToEnd.Tests;

/// <summary>
/// Issue 8 point 5: where network namespaces can't be made, the demo stops with the reason rather
/// than fall back to the host's network and hide the boundary. The simulator is run as uid 65534
/// (setpriv), which may not make namespaces, the way CI's root could not inside a locked container.
/// </summary>
public sealed class NoNamespacesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vmre-nonet-" + Guid.NewGuid().ToString("N")[..8]);

    public NoNamespacesTests()
    {
        Directory.CreateDirectory(_dir);
        File.SetUnixFileMode(_dir, (UnixFileMode)0x1FF); // rwxrwxrwx: the unprivileged simulator writes here
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Without_root_the_demo_stops_with_the_module_LANs_reason_and_starts_no_part()
    {
        var layout = RepositoryLayout.Locate();
        var simulator = Path.Combine(layout.Root, "hardware-sim", "Vmre.Simulator", "bin",
            AppContext.BaseDirectory.Contains("/bin/Release/") ? "Release" : "Debug", "net10.0", "vmre-sim.dll");
        var info = new ProcessStartInfo("setpriv", ["--reuid", "65534", "--regid", "65534", "--clear-groups", "dotnet", simulator, "election", "--out", Path.Combine(_dir, "out")])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["HOME"] = _dir;
        info.Environment["DOTNET_CLI_HOME"] = _dir;
        using var run = Process.Start(info)!;
        var said = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEndAsync();
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(3)), "the simulator did not stop");

        Assert.Equal(1, run.ExitCode);
        var summary = File.ReadAllText(Path.Combine(_dir, "out", "summary.txt"));
        Assert.Contains("result: FAIL", summary);
        Assert.Contains("no fallback to the host's network", summary);
        Assert.Contains("network namespaces need root, and this process runs as uid 65534", summary);
        Assert.False(Directory.Exists(Path.Combine(_dir, "out", "state", "module-server")), "a part was set up without its namespace");
        Assert.DoesNotContain("provisioning", said.Result + errors.Result);
    }
}
