using System.Security.Cryptography;

namespace Vmre.StoreCheck;

/// <summary>
/// One run of the order check (issue 10 point 4): testigos in a known order through a store on a
/// real file, about one in fifteen voided (its void mark printed) among the votes, then what an
/// attacker holding the disk has: the database file and the rollback journal of the last change.
/// </summary>
public sealed record OrderRun(IReadOnlyList<string> Order, byte[] File, byte[] Journal, IReadOnlyDictionary<string, long>? Slots)
{
    public static OrderRun Cast(Func<string, IStoreUnderTest> open, string dir, int votes)
    {
        var path = Path.Combine(dir, "votes.db");
        var order = new List<string>();
        byte[] journal = [];
        using (var store = open(path))
        {
            var cast = 0;
            while (cast < votes)
            {
                var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
                order.Add(id);
                store.BeginPrinting(id);
                store.Printed(id);
                if (RandomNumberGenerator.GetInt32(15) == 0)
                {
                    store.Voiding(id, "REJECTED");
                    store.VoidMarkPrinted(id);
                    continue;
                }
                store.Seal(id);
                cast++;
                // The last change's rollback journal: what a cut at that moment (a hot journal) leaves.
                store.Cast(id, cast == votes ? () => journal = ReadShared(path + "-journal") : null);
            }
            return new OrderRun(order, ReadShared(path), journal, store.SlotIndexes());
        }
    }

    private static byte[] ReadShared(string path)
    {
        if (!System.IO.File.Exists(path)) return [];
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[f.Length];
        f.ReadExactly(bytes);
        return bytes;
    }
}
