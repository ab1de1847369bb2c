using Vmre.Devices.ReceiptPrinter;
using Vmre.HardwareSim.Printer;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// Collects the papers the emulated printer cuts. The emulator hands a page over on its own
/// thread just after answering the status query, so readers wait for the count they expect
/// (a generous bound, not a timing assertion), and "nothing more was printed" is proven by
/// <see cref="Settled()"/>, never by waiting a while.
/// </summary>
public sealed class PaperTray
{
    // ESC @: an empty ticket. The port ends it with a GS ( H process ID request, as every ticket.
    private static readonly byte[] EmptyTicket = [0x1B, 0x40];
    private readonly List<PrintedPaper> _papers = [];

    /// <summary>The port the terminal prints through (set by the rig), for <see cref="Settled()"/>.</summary>
    public IReceiptPrinter? Port { get; set; }

    public void Add(PrintedPaper paper)
    {
        lock (_papers)
        {
            _papers.Add(paper);
            Monitor.PulseAll(_papers);
        }
    }

    public IReadOnlyList<PrintedPaper> Papers { get { lock (_papers) return _papers.ToArray(); } }

    public IReadOnlyList<PrintedPaper> WaitFor(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        lock (_papers)
        {
            while (_papers.Count < count)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) throw new TimeoutException($"expected {count} papers, got {_papers.Count}");
                Monitor.Wait(_papers, left);
            }
            return _papers.ToArray();
        }
    }

    /// <summary>Everything printed through <see cref="Port"/> so far (see <see cref="Settled(IReceiptPrinter)"/>).</summary>
    public IReadOnlyList<PrintedPaper> Settled() =>
        Settled(Port ?? throw new InvalidOperationException("the tray does not know the port the terminal prints through"));

    /// <summary>
    /// Every page sent to the printer before this call, and proof that no other is on its way:
    /// an empty ticket goes through the same port (its lock queues it behind any ticket being
    /// printed). The printer answers its process ID request only after every page cut before it
    /// is in this tray, so a page that arrives late fails the caller's count instead of passing.
    /// A printer that cannot print (paper out, cover open, offline, jammed) refuses the empty
    /// ticket on the port's status request, which it answers only after reading everything sent
    /// before it, and it discards, without cutting, whatever print data reaches it.
    /// </summary>
    public IReadOnlyList<PrintedPaper> Settled(IReceiptPrinter port)
    {
        var outcome = port.Print(EmptyTicket);
        if (!outcome.Printed)
        {
            Assert.NotEqual(Vmre.Devices.ReceiptPrinter.PrinterCondition.NoReply, outcome.Condition);
            Assert.False(outcome.PaperMayHaveLeft, $"the printer took the empty ticket but did not acknowledge it: {outcome.Reason}");
        }
        return Papers;
    }
}
