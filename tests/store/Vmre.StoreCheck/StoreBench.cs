using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Vmre.Terminal.Votes;

namespace Vmre.StoreCheck;

/// <summary>
/// Per-vote commit cost (issue 10 "Done when"): what one voter costs the store (BeginPrinting,
/// Printed, Seal, Cast: four durable transactions) through vmre-vote-store/1 and through the
/// baseline (the pre-issue-10 SQL), and one bare durable INSERT per vote as a floor. Medians per vote.
/// Timing lives here, never in a test assertion.
/// </summary>
public static class StoreBench
{
    public static void Run(int votes, TextWriter output)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "vmre-store-bench", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var open = Stopwatch.StartNew();
            var store = VoteStore.Open(Path.Combine(dir, "slots.db"), RandomNumberGenerator.GetBytes(32), new CountingEpoch());
            var opened = open.Elapsed.TotalMilliseconds;
            var slots = Time(votes, id =>
            {
                store.BeginPrinting(id);
                store.Printed(id);
                store.Seal(id, SealedVote.Seal(key, id, Payloads.Next()));
                store.Cast(id);
            });
            var verify = Stopwatch.StartNew();
            var findings = store.Verify();
            var verified = verify.Elapsed.TotalMilliseconds;
            store.Dispose();
            using var baseline = new BaselineVoteStore(Path.Combine(dir, "baseline.db"));
            var old = Time(votes, id =>
            {
                baseline.BeginPrinting(id);
                baseline.Printed(id);
                baseline.Seal(id, RandomNumberGenerator.GetBytes(28 + Payloads.Next().Length));
                baseline.Cast(id);
            });
            using var bare = new SqliteConnection($"Data Source={Path.Combine(dir, "bare.db")};Pooling=False");
            bare.Open();
            Exec(bare, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; CREATE TABLE v (id TEXT PRIMARY KEY, vote BLOB) WITHOUT ROWID;");
            var insert = Time(votes, id =>
            {
                using var cmd = bare.CreateCommand();
                cmd.CommandText = "INSERT INTO v VALUES ($i, $v)";
                cmd.Parameters.AddWithValue("$i", id);
                cmd.Parameters.AddWithValue("$v", RandomNumberGenerator.GetBytes(SealedVote.Length));
                cmd.ExecuteNonQuery();
            });
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"vote store, {votes} voters each (median / p90 per voter; 4 durable transactions per voter except the bare insert)"));
            output.WriteLine(string.Create(inv, $"  vmre-vote-store/1 (issue 10, {VoteStore.DefaultCapacity} slots): {slots.Median:F2} ms / {slots.P90:F2} ms"));
            output.WriteLine(string.Create(inv, $"  baseline, pre-issue-10 SQL:               {old.Median:F2} ms / {old.P90:F2} ms"));
            output.WriteLine(string.Create(inv, $"  bare durable INSERT (1 per vote):         {insert.Median:F2} ms / {insert.P90:F2} ms"));
            output.WriteLine(string.Create(inv, $"  open + create {VoteStore.DefaultCapacity} slots: {opened:F0} ms; verify whole file: {verified:F0} ms ({findings.Count} findings)"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static (double Median, double P90) Time(int votes, Action<string> voter)
    {
        var times = new double[votes];
        for (var i = 0; i < votes; i++)
        {
            var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
            var sw = Stopwatch.StartNew();
            voter(id);
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[votes / 2], times[votes * 9 / 10]);
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
