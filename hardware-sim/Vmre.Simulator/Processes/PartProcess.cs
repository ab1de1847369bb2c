using System.Diagnostics;
using System.Text;
using Vmre.HardwareSim.Network;

namespace Vmre.Simulator.Processes;

/// <summary>
/// One part of the module running as its own process (module server, a terminal), its output
/// kept for the demo folder. Stopped with SIGTERM so it can finish writing; killed if it hangs.
/// </summary>
public sealed class PartProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PartProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the part; with a network namespace, inside it through `ip netns exec`, which execs
    /// the part in the same process, so its pid, signals and output are as without (issue 8 point 5).
    /// </summary>
    public static PartProcess Start(string name, string dll, IEnumerable<string> args, string? netns = null)
    {
        var info = netns is null
            ? new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false }
            : NamespacedCommand.StartInfo(netns, "dotnet", [dll, .. args]);
        info.Environment["TSS2_LOG"] = "all+NONE";
        var process = new Process { StartInfo = info };
        var part = new PartProcess(name, process);
        process.OutputDataReceived += (_, e) => part.Append(e.Data);
        process.ErrorDataReceived += (_, e) => part.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return part;
    }

    /// <summary>Run a command-line tool to completion; a non-zero exit is a failed step with its output.</summary>
    public static string RunToEnd(string name, string dll, params string[] args) => RunToEndIn(null, name, dll, args);

    /// <summary>The same, inside a network namespace (a terminal's provisioning reaches its swtpm there).</summary>
    public static string RunToEndIn(string? netns, string name, string dll, params string[] args)
    {
        using var part = Start(name, dll, args, netns);
        if (!part._process.WaitForExit(TimeSpan.FromMinutes(5))) throw new TimeoutException($"{name} did not finish");
        part._process.WaitForExit();
        if (part._process.ExitCode != 0)
            throw new InvalidOperationException($"{name} failed (exit {part._process.ExitCode}):\n{part.Output}");
        return part.Output;
    }

    /// <summary>Run a program to its end and hand back its exit code with its output (a non-zero exit is an answer here, not a failed step).</summary>
    public static (int Exit, string Output) RunToExit(string name, string dll, IEnumerable<string> args, string? netns = null)
    {
        using var part = Start(name, dll, args, netns);
        if (!part._process.WaitForExit(TimeSpan.FromMinutes(5))) throw new TimeoutException($"{name} did not finish");
        part._process.WaitForExit();
        return (part._process.ExitCode, part.Output);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Waits for the part to answer HTTP; <paramref name="handler"/> reaches a face inside a namespace (its connector's).</summary>
    public async Task WaitForHttp(string url, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        using var http = new HttpClient(handler ?? new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var r = await http.GetAsync(url);
                return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not answer at {url}:\n{Output}");
    }

    /// <summary>
    /// A power cut: SIGKILL, so the part cannot finish anything it was doing (no shutdown, no
    /// flush beyond what it already made durable; rules.md R6 is about exactly this). Returns once it is gone.
    /// </summary>
    public void PowerCut()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false); // SIGKILL on Linux
        _process.WaitForExit();
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            Posix.Terminate(_process.Id);
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
        _process.Dispose();
    }
}
