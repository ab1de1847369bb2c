using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// vmre-terminal run as its own process (the dll the test project builds next to itself), so a
/// test can cut its power: <see cref="Kill"/> is SIGKILL, no shutdown code runs (brief rule 6).
/// </summary>
public sealed class TerminalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private TerminalProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static TerminalProcess Start(string dataDir, string tcti, string serverUrl, string printerPort)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vmre-terminal.dll"));
        foreach (var a in new[] { "run", "--data", dataDir, "--tcti", tcti, "--urls", url, "--server", serverUrl, "--printer", printerPort, "--gpio", "sim" })
            info.ArgumentList.Add(a);
        info.Environment["TSS2_LOG"] = "all+NONE";
        var process = new Process { StartInfo = info };
        var part = new TerminalProcess(process, url);
        process.OutputDataReceived += (_, e) => part.Append(e.Data);
        process.ErrorDataReceived += (_, e) => part.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return part;
    }

    /// <summary>Waits until the terminal answers GET /api/state (generous bound: a cold dotnet start on a loaded CI box).</summary>
    public async Task WaitUntilServing()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"vmre-terminal exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var r = await http.GetAsync(Url + "/api/state");
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"vmre-terminal did not answer at {Url}:\n{Output}");
    }

    /// <summary>The power cut: SIGKILL to this process only, then wait for it to be gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
