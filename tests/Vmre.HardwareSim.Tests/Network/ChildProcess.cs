using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Vmre.HardwareSim.Network;

namespace Vmre.HardwareSim.Tests.Network;

/// <summary>
/// This test assembly started as a child in one of <see cref="Program"/>'s roles, on the host or
/// inside a namespace; its output is read line by line. Killed (SIGKILL) at dispose if still running.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string? ns, params string[] roleArgs)
    {
        string[] args = [typeof(Program).Assembly.Location, .. roleArgs];
        var info = ns is null ? new ProcessStartInfo("dotnet", args) { RedirectStandardOutput = true, UseShellExecute = false }
                              : NamespacedCommand.StartInfo(ns, "dotnet", args);
        info.RedirectStandardError = false;
        return new ChildProcess(Process.Start(info)!);
    }

    /// <summary>
    /// The child as an unprivileged user (uid and gid 65534, "nobody"), through util-linux's
    /// setpriv: what a person who is not root would run. It runs from a world-readable copy of the
    /// assemblies, since the build folder may sit where only root can read (under /root in CI).
    /// </summary>
    [SupportedOSPlatform("linux")]
    public static ChildProcess StartAsNobody(TempDirectory copy, params string[] roleArgs)
    {
        var bin = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        foreach (var file in Directory.EnumerateFiles(bin).Where(f => f.EndsWith(".dll") || f.EndsWith(".json")))
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        File.SetUnixFileMode(copy.Path, (UnixFileMode)0b111_101_101);
        var assembly = Path.Combine(copy.Path, Path.GetFileName(typeof(Program).Assembly.Location));
        var info = new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp",
            "dotnet", assembly, .. roleArgs]) { RedirectStandardOutput = true, UseShellExecute = false };
        return new ChildProcess(Process.Start(info)!);
    }

    /// <summary>The next line starting with the prefix (lines before it are skipped), or a failure with what came.</summary>
    public string WaitForLine(string prefix)
    {
        var seen = new List<string>();
        var read = Task.Run(() =>
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                seen.Add(line);
                if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
            }
            return null;
        });
        if (!read.Wait(TimeSpan.FromSeconds(60)) || read.Result is null)
            throw new InvalidOperationException($"child never said '{prefix}'; it said: {string.Join(" | ", seen)}");
        return read.Result;
    }

    /// <summary>A signal the process may answer (SIGINT is Ctrl-C at a terminal); returns once it is gone.</summary>
    public bool Signal(PosixSignal signal, TimeSpan within)
    {
        var number = signal switch { PosixSignal.SIGINT => 2, PosixSignal.SIGTERM => 15, PosixSignal.SIGHUP => 1, _ => throw new ArgumentOutOfRangeException(nameof(signal)) };
        SignalSender.Send(Pid, number);
        return _process.WaitForExit(within);
    }

    /// <summary>A crash the process cannot answer: SIGKILL, then wait until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}

internal static class SignalSender
{
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed");
    }
}
