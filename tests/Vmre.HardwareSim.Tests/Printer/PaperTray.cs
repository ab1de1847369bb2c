using System.Collections.Concurrent;
using Vmre.HardwareSim.Printer;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>Collects what the emulated printer cuts, and its notices, for assertions.</summary>
internal sealed class PaperTray : IDisposable
{
    private readonly BlockingCollection<PrintedPaper> _papers = new();
    public readonly ConcurrentQueue<PrinterNotice> Notices = new();

    public PaperTray()
    {
        Printer = new PrinterEmulator(_papers.Add);
        Printer.Noticed += Notices.Enqueue;
    }

    public PrinterEmulator Printer { get; }

    public PrintedPaper Take(int timeoutMs = 10_000) =>
        _papers.TryTake(out var paper, timeoutMs) ? paper : throw new TimeoutException("no paper was cut");

    public bool NothingCut(int waitMs = 500) => !_papers.TryTake(out _, waitMs);

    public void Dispose() => Printer.Dispose();
}
