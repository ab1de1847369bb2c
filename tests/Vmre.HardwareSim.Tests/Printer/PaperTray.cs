using System.Collections.Concurrent;
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

    public bool NothingCut(int waitMs = 500) => !_papers.TryTake(out _, waitMs);

    public void Dispose() => Printer.Dispose();
}
