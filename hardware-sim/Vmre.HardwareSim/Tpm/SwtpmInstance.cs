using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Vmre.HardwareSim.Network;

namespace Vmre.HardwareSim.Tpm;

/// <summary>
/// One software TPM 2.0 (swtpm, the libtpms emulator QEMU uses) for one simulated terminal
/// (BRIEF §4; command line from STACK.md). The state directory persists, so a terminal's
/// sealed keys and counters survive <see cref="Restart"/> like a real chip's NV memory.
/// </summary>
public sealed class SwtpmInstance : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private const int PortAttempts = 10;
    private Process? _process;
    private StringBuilder _stderr = new();

    private readonly SwtpmLoopback _loopback;

    private SwtpmInstance(string stateDirectory, SwtpmLoopback loopback)
    {
        StateDirectory = stateDirectory;
        _loopback = loopback;
    }

    /// <summary>
    /// Starts swtpm on a free 127.0.0.1 port pair; creates the state directory if needed. With a
    /// network namespace, swtpm runs inside it (`ip netns exec`), on that namespace's loopback,
    /// where the terminal it serves runs too (issue 8 point 5).
    /// </summary>
    public static SwtpmInstance Start(string stateDirectory, string? netns = null)
    {
        var instance = new SwtpmInstance(Path.GetFullPath(stateDirectory), SwtpmLoopback.For(netns));
        try
        {
            Directory.CreateDirectory(instance.StateDirectory);
            instance.Launch();
            return instance;
        }
        catch
        {
            instance._loopback.Dispose();
            throw;
        }
    }

    /// <summary>The network namespace swtpm runs in; null on the host's network.</summary>
    public string? Namespace => _loopback.Namespace;

    public string StateDirectory { get; }

    /// <summary>TPM command port (TCP, 127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>swtpm control channel port: always Port + 1.</summary>
    public int ControlPort => Port + 1;

    /// <summary>The TCTI configuration string for tpm2-tss (FAPI's "tcti" field, TPM2TOOLS_TCTI).</summary>
    public string Tcti => $"swtpm:host=127.0.0.1,port={Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Stops and starts swtpm on the same state (a power cycle); the port may change.</summary>
    public void Restart()
    {
        Stop();
        Launch();
    }

    /// <summary>
    /// A power cycle in the same process (issue 10 point 1: PCR 13 back to zero before each measured
    /// start): CMD_INIT on the control channel, then TPM2_Startup(CLEAR). State and port are kept, so
    /// the TCTI stays. No new process is spawned (a spawn can inherit another TPM client's open socket
    /// and hold that swtpm's single control connection). Falls back to <see cref="Restart"/> if swtpm does not answer.
    /// </summary>
    public void PowerCycle()
    {
        if (_process is { HasExited: false } && SwtpmControl.TryInit(_loopback, ControlPort) && SwtpmControl.TryStartupClear(_loopback, Port)) return;
        Restart();
    }

    public void Dispose()
    {
        Stop();
        _loopback.Dispose();
    }

    private void Launch()
    {
        string lastFailure = "";
        for (int attempt = 0; attempt < PortAttempts; attempt++)
        {
            int port = FreePortPair.Find();
            var process = Spawn(port);
            if (WaitUntilListening(process, port))
            {
                _process = process;
                Port = port;
                return;
            }
            lastFailure = StderrOf(process);
            // Lost a race for the port: try another pair. Anything else is a broken install.
            if (!lastFailure.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)) break;
        }
        throw new InvalidOperationException($"swtpm did not start for {StateDirectory}: {lastFailure}");
    }

    private Process Spawn(int port)
    {
        string[] arguments =
        [
            "socket", "--tpm2",
            "--tpmstate", $"dir={StateDirectory}",
            "--server", $"type=tcp,port={port},bindaddr=127.0.0.1",
            "--ctrl", $"type=tcp,port={port + 1},bindaddr=127.0.0.1",
            "--flags", "not-need-init,startup-clear",
        ];
        var info = Namespace is null
            ? new ProcessStartInfo("swtpm", arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false }
            : NamespacedCommand.StartInfo(Namespace, "swtpm", arguments);

        var stderr = new StringBuilder();
        _stderr = stderr;
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private bool WaitUntilListening(Process process, int port)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) return false;
            try
            {
                using var probe = _loopback.Connect(port);
                return true;
            }
            catch (SocketException) { Thread.Sleep(50); }
        }
        Kill(process);
        return false;
    }

    private string StderrOf(Process process)
    {
        process.WaitForExit(1000);
        lock (_stderr) return _stderr.Length > 0 ? _stderr.ToString().Trim() : $"exit code {SafeExitCode(process)}";
    }

    private void Stop()
    {
        if (_process is not { } process) return;
        _process = null;
        // A graceful shutdown lets libtpms write its state; SIGKILL is the fallback.
        SwtpmControl.TryShutdown(_loopback, Port + 1);
        if (!process.WaitForExit(2000)) Kill(process);
        process.Dispose();
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.WaitForExit(5000);
    }

    private static string SafeExitCode(Process process)
    {
        try { return process.ExitCode.ToString(); } catch (InvalidOperationException) { return "unknown"; }
    }
}
