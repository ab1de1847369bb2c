using Vmre.HardwareSim.Printer;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// Collects the papers the emulated printer cuts. The emulator hands a page over on its own
/// thread just after answering the status query, so readers wait for the count they expect
/// (a generous bound, not a timing assertion).
/// </summary>
public sealed class PaperTray
{
    private readonly List<PrintedPaper> _papers = [];

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

    /// <summary>Give a late page every chance to arrive, then return what was printed.</summary>
    public IReadOnlyList<PrintedPaper> Settled()
    {
        Thread.Sleep(300);
        return Papers;
    }
}
