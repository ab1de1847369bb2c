using System.Collections.Concurrent;
using System.IO.Ports;
using Vmre.HardwareSim.Printer;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>Collects what the emulated printer cuts, and its notices, for assertions.</summary>
internal sealed class PaperTray : IDisposable
{
    private readonly BlockingCollection<PrintedPaper> _papers = new();
    public readonly ConcurrentQueue<PrinterNotice> Notices = new();

    public PaperTray(PaperWidth width = PaperWidth.Mm80)
    {
        Printer = new PrinterEmulator(_papers.Add, width);
        Printer.Noticed += Notices.Enqueue;
    }

    public PrinterEmulator Printer { get; }

    public PrintedPaper Take(int timeoutMs = 10_000) =>
        _papers.TryTake(out var paper, timeoutMs) ? paper : throw new TimeoutException("no paper was cut");

    /// <summary>A paper already in the tray, without waiting (proves it came out before something else).</summary>
    public PrintedPaper? AlreadyOut() => _papers.TryTake(out var paper) ? paper : null;

    /// <summary>
    /// A DLE EOT 1 status round trip on <paramref name="port"/> (no reply may be left unread before
    /// it): once its reply is in, the printer has read and acted on everything sent before it.
    /// </summary>
    public static byte HasRead(SerialPort port)
    {
        port.Write([0x10, 0x04, 1]);
        return port.ReadExactly(1)[0];
    }

    /// <summary>
    /// True when the printer cut nothing that was not already taken. Proven, not waited for: a
    /// status request on <paramref name="port"/> is answered only after everything sent before it
    /// was read (so every page it cut is queued), and shutting the printer down delivers every page
    /// already queued. The printer is gone afterwards: a test's last look at the tray.
    /// </summary>
    /// <param name="port">The test's port, with no reply left unread; null when nothing was sent.</param>
    public bool NothingMoreCut(SerialPort? port = null)
    {
        if (port is not null) HasRead(port);
        Printer.Dispose();
        return _papers.Count == 0;
    }

    public void Dispose() => Printer.Dispose();
}
