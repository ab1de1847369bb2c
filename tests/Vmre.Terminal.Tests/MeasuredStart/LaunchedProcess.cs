using System.Diagnostics;
using System.Text;

namespace Vmre.Terminal.Tests.MeasuredStart;

/// <summary>`dotnet DLL ARGS` (vmre-launch by default) as a real child process, its output kept; killed (SIGKILL) when disposed.</summary>
public sealed class LaunchedProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public LaunchedProcess(IEnumerable<string> args) : this(MeasuredTerminal.LauncherDll, args) { }

    /// <summary><paramref name="environment"/>: variables set for the child on top of this process's (the caller's environment).</summary>
    public LaunchedProcess(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["TSS2_LOG"] = "all+NONE";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>The exit code; generous bound against a hang on a loaded machine, not a timing assertion.</summary>
    public int WaitForExit()
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(3))) throw new TimeoutException("still running:\n" + Output);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async Task WaitForHttp(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"exited with {_process.ExitCode}:\n{Output}");
            try { using var _ = await http.GetAsync(url); return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"no answer at {url}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false); // a power cut
        _process.WaitForExit();
        _process.Dispose();
    }
}
