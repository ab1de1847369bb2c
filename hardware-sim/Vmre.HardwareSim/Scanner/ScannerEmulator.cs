using System.Text;
using Vmre.HardwareSim.Pty;

namespace Vmre.HardwareSim.Scanner;

/// <summary>
/// A serial barcode / MRZ scanner at the far end of a pseudo-terminal: each scan arrives at
/// the terminal as the code's bytes and a carriage return, as serial scanners send it in
/// their default configuration. Bytes the client writes (configuration commands) are ignored.
/// </summary>
public sealed class ScannerEmulator : IDisposable
{
    private const byte Terminator = 0x0D;
    private readonly PseudoTerminal _pty = new();
    private readonly object _gate = new();

    public ScannerEmulator()
    {
        // A scan the client never reads must not block the simulator forever.
        _pty.Master.WriteTimeout = 2000;
    }

    /// <summary>The serial device path the terminal opens, e.g. /dev/pts/8.</summary>
    public string SlavePath => _pty.SlavePath;

    /// <summary>Sends one barcode / QR read: UTF-8 text then CR.</summary>
    public void Scan(string text) => Send(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Sends a machine-readable zone (ICAO 9303: TD1 ID cards have 3 lines of 30, passports
    /// TD3 have 2 of 44): lines joined by LF, the whole read ended by one CR.
    /// </summary>
    public void ScanMrz(params string[] lines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lines.Length, 1);
        Send(Encoding.ASCII.GetBytes(string.Join('\n', lines)));
    }

    public void Dispose() => _pty.Dispose();

    private void Send(byte[] body)
    {
        var message = new byte[body.Length + 1];
        body.CopyTo(message, 0);
        message[^1] = Terminator;
        // One scan is one write, so two scans from two threads never interleave.
        lock (_gate) _pty.Master.Write(message);
    }
}
