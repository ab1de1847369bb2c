using System.Collections.Concurrent;
using System.Security.Cryptography;
using Vmre.HardwareSim.Printer;

namespace Vmre.Simulator.Papers;

/// <summary>
/// Where the emulated printers' paper lands in the demo folder. Testigos drop into a closed
/// "ballot box" and reach its folder only when the box is sealed at closing, each under a random
/// name, written in name order, with one fixed file time: neither names, listing order, inode
/// numbers, modification or change times tell the order of casting (rules.md R3). Not a content
/// hash: a testigo carries no id (issue 9 point 1), so two voters who marked alike print the very
/// same paper, and both must be in the box. Writing each
/// testigo as it prints would leave the cast order in the files' change times, which no one can reset.
/// Voided testigos (printed over, ANULADO) and testigos torn off at a jam drop into the same box: the
/// recount sets them apart by the counters' rule, by what each paper shows (docs/formats/testigo-marks.md);
/// a torn testigo shows part of a voter's marks, so it must not reach the disk before the box is sealed either.
/// </summary>
public sealed class PaperTray(string papersDir)
{
    private static readonly DateTime BoxTime = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly ConcurrentDictionary<string, BlockingCollection<PrintedPaper>> _testigos = new();
    private readonly ConcurrentDictionary<string, BlockingCollection<PrintedPaper>> _voided = new();
    private readonly ConcurrentDictionary<string, BlockingCollection<PrintedPaper>> _torn = new();
    private int _tornCount, _voidedCount;
    private readonly ConcurrentDictionary<string, int> _others = new();
    private readonly ConcurrentDictionary<string, byte[]> _box = new(StringComparer.Ordinal);
    private readonly object _sealing = new();

    public string TestigoBox => Path.Combine(papersDir, "testigos");
    /// <summary>Papers in the sealed box's folder: accepted, voided and torn testigos alike.</summary>
    public int TestigoCount => Directory.Exists(TestigoBox) ? Directory.GetFiles(TestigoBox, "*.png").Length : 0;

    /// <summary>Testigos torn off at a jam or paper end, as the printers reported them (not read from the box).</summary>
    public int TornCount => Volatile.Read(ref _tornCount);

    /// <summary>Voided testigos the printers cut (ANULADO by its heading), as they reported them (not read from the box).</summary>
    public int VoidedCount => Volatile.Read(ref _voidedCount);

    public Action<PrintedPaper> SinkFor(string device) => paper => Receive(device, paper);

    private void Receive(string device, PrintedPaper paper)
    {
        var kind = PaperKinds.Of(paper.Text);
        switch (kind)
        {
            case PaperKind.Testigo when paper.Torn:
                // The official tears it off while clearing the jam; it goes into the box beside the voided paper that follows.
                IntoBox(paper);
                Interlocked.Increment(ref _tornCount);
                Queue(_torn, device).Add(paper);
                break;
            case PaperKind.Testigo:
                IntoBox(paper);
                Queue(_testigos, device).Add(paper);
                break;
            case PaperKind.VoidedTestigo:
                IntoBox(paper);
                Interlocked.Increment(ref _voidedCount);
                Queue(_voided, device).Add(paper);
                break;
            case PaperKind.ZeroReport:
                Write(Path.Combine(papersDir, "zero-reports", device + ".png"), paper.Png);
                break;
            case PaperKind.ClosingRecord:
                Write(Path.Combine(papersDir, "closing-records", device + ".png"), paper.Png);
                break;
            case PaperKind.Acta:
                Write(Path.Combine(papersDir, "acta", device + ".png"), paper.Png);
                break;
            case PaperKind.Other:
                var n = _others.AddOrUpdate(device, 1, (_, v) => v + 1);
                Write(Path.Combine(papersDir, "other", $"{device}-{n}.png"), paper.Png);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(paper), kind, null);
        }
    }

    /// <summary>
    /// Empties the box into its folder: in name (random) order, each file with one fixed time.
    /// Idempotent; a testigo that arrives later is written by the next call.
    /// </summary>
    public void SealBox()
    {
        lock (_sealing)
        {
            Directory.CreateDirectory(TestigoBox);
            foreach (var name in _box.Keys.Order(StringComparer.Ordinal))
            {
                if (!_box.TryRemove(name, out var png)) continue;
                var path = Write(Path.Combine(TestigoBox, name), png);
                File.SetLastWriteTimeUtc(path, BoxTime);
            }
        }
    }

    /// <summary>The accepted testigo (VOTO EMITIDO under it) this terminal's printer just cut, on its way into the box.</summary>
    public PrintedPaper TakeTestigo(string device, TimeSpan timeout) => Take(_testigos, device, timeout, "testigo");

    /// <summary>The voided testigo (printed over, ANULADO) this terminal's printer just cut.</summary>
    public PrintedPaper TakeVoided(string device, TimeSpan timeout) => Take(_voided, device, timeout, "voided testigo");

    /// <summary>The torn testigo the official pulls out of this terminal's jammed printer.</summary>
    public PrintedPaper TakeTorn(string device, TimeSpan timeout) => Take(_torn, device, timeout, "torn testigo");

    private static PrintedPaper Take(ConcurrentDictionary<string, BlockingCollection<PrintedPaper>> queues, string device, TimeSpan timeout, string what) =>
        Queue(queues, device).TryTake(out var paper, timeout) ? paper : throw new TimeoutException($"no {what} came out of {device}");

    private static BlockingCollection<PrintedPaper> Queue(ConcurrentDictionary<string, BlockingCollection<PrintedPaper>> queues, string device) =>
        queues.GetOrAdd(device, _ => new BlockingCollection<PrintedPaper>());

    private void IntoBox(PrintedPaper paper)
    {
        while (!_box.TryAdd(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + ".png", paper.Png)) { }
    }

    private static string Write(string path, byte[] png)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, png);
        return path;
    }
}
