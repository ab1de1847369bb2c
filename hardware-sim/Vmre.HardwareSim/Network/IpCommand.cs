using System.ComponentModel;
using System.Diagnostics;
using Vmre.Common.Serialization;

namespace Vmre.HardwareSim.Network;

/// <summary>
/// The iproute2 `ip` command, run to completion. Its path is injectable so a test can show the
/// reason given where it is missing (issue 8 point 5: stop with the reason, never fall back).
/// </summary>
public sealed class IpCommand(string path = "ip")
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public string Path { get; } = path;

    /// <summary>
    /// Runs `ip ARGS…`: its standard output, or what it printed on failure. A missing program is
    /// a failure value too, with the reason a person can act on.
    /// </summary>
    public Parsed<string> Run(params string[] args)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(info)!; }
        catch (Win32Exception e)
        {
            return Parsed<string>.Fail($"the `ip` command (iproute2) was not found at '{Path}' ({e.Message}); " +
                                       "install iproute2 (./vmre setup does)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill();
                return Parsed<string>.Fail($"`ip {string.Join(' ', args)}` did not finish within {Limit.TotalSeconds} s");
            }
            process.WaitForExit();
            if (process.ExitCode == 0) return Parsed<string>.Ok(stdout.Result);
            var said = (stderr.Result + stdout.Result).Trim();
            return Parsed<string>.Fail($"`ip {string.Join(' ', args)}` failed (exit {process.ExitCode}): {said}");
        }
    }
}
