using System.Buffers.Binary;
using System.Text;

namespace Vmre.StoreCheck;

/// <summary>
/// Every byte-level view of a run an attacker without the key has (issue 10 point 4): where each
/// testigo's row lies in the file (byte offset, page number, offset within its page), its slot index,
/// where it lies in the last rollback journal, and in the free pages. A testigo absent from a view has
/// position -1 there. Rows are found by the testigo id's bytes, which every layout stores in clear.
/// </summary>
public static class OrderViews
{
    /// <summary>Each view's positions in cast order (-1: absent) and, for in-page offsets, the page each sits in (tau then compares pairs within a page only).</summary>
    public static IReadOnlyDictionary<string, (long[] Positions, long[]? Groups)> Of(OrderRun run)
    {
        var pageSize = run.File.Length >= 18 ? PageSize(run.File) : 4096;
        var offsets = run.Order.Select(id => Find(run.File, id)).ToArray();
        var free = FreePages(run.File, pageSize);
        var pages = offsets.Select(o => o < 0 ? -1 : o / pageSize).ToArray();
        var views = new Dictionary<string, (long[], long[]?)>
        {
            ["file-offset"] = (offsets, null),
            ["page-number"] = (pages, null),
            // The review's leak: an insert then a size-changing update puts each newer row lower in its page.
            ["in-page-offset"] = (offsets.Select(o => o < 0 ? -1 : o % pageSize).ToArray(), pages),
            ["journal-offset"] = (run.Order.Select(id => Find(run.Journal, id)).ToArray(), null),
            ["free-pages"] = (run.Order.Select(id => Find(free, id)).ToArray(), null),
        };
        if (run.Slots is { } slots) views["slot-index"] = (run.Order.Select(id => slots.GetValueOrDefault(id, -1)).ToArray(), null);
        return views;
    }

    private static long Find(byte[] hay, string id) => hay.AsSpan().LastIndexOf(Encoding.ASCII.GetBytes(id));

    private static int PageSize(byte[] file)
    {
        var size = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(16));
        return size == 1 ? 65536 : size;
    }

    /// <summary>The bytes of every page on the freelist (SQLite file format: trunk pages from header offset 32).</summary>
    private static byte[] FreePages(byte[] file, int pageSize)
    {
        if (file.Length < 100) return [];
        var pages = new List<long>();
        var trunk = (long)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(32));
        var seen = new HashSet<long>();
        while (trunk > 0 && seen.Add(trunk) && trunk * pageSize <= file.Length)
        {
            pages.Add(trunk);
            var at = (int)((trunk - 1) * pageSize);
            var leaves = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 4));
            for (var i = 0; i < leaves && 8 + 4 * i + 4 <= pageSize; i++) pages.Add(BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 8 + 4 * i)));
            trunk = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
        }
        return pages.Where(p => p > 0 && p * pageSize <= file.Length).SelectMany(p => file.AsSpan((int)((p - 1) * pageSize), pageSize).ToArray()).ToArray();
    }
}
