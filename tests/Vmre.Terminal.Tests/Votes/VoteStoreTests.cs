using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests.Votes;

/// <summary>The SQLite vote store on disk: seal only from a printed testigo, once; no order kept (rules.md R1, R3, R6).</summary>
public sealed class VoteStoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly VoteStore _store;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public VoteStoreTests() => _store = new VoteStore(DbPath);

    private string DbPath => _dir.Sub("votes.db");

    [Fact]
    public void Seal_is_refused_unless_the_testigo_printed()
    {
        Assert.Throws<InvalidOperationException>(() => _store.Seal("UNKNOWN0000000000000", [1]));
        _store.BeginPrinting("AAAA0000000000000001");
        Assert.Throws<InvalidOperationException>(() => _store.Seal("AAAA0000000000000001", [1]));
        _store.Printed("AAAA0000000000000001");
        _store.Seal("AAAA0000000000000001", [1]);
        Assert.Equal(1, _store.CountInState("sealed"));
    }

    [Fact]
    public void A_vote_is_sealed_once()
    {
        _store.BeginPrinting("AAAA0000000000000002");
        _store.Printed("AAAA0000000000000002");
        _store.Seal("AAAA0000000000000002", [1]);
        Assert.Throws<InvalidOperationException>(() => _store.Seal("AAAA0000000000000002", [2]));
        Assert.Single(_store.SealedVotes());
        Assert.Equal([1], _store.SealedVotes()[0].Vote);
    }

    [Fact]
    public void Voided_testigos_never_become_votes()
    {
        _store.BeginPrinting("AAAA0000000000000003");
        _store.Voided("AAAA0000000000000003");
        Assert.Throws<InvalidOperationException>(() => _store.Printed("AAAA0000000000000003"));
        Assert.Throws<InvalidOperationException>(() => _store.Seal("AAAA0000000000000003", [1]));
        _store.BeginPrinting("AAAA0000000000000004");
        _store.Printed("AAAA0000000000000004");
        _store.Voided("AAAA0000000000000004");
        Assert.Throws<InvalidOperationException>(() => _store.Seal("AAAA0000000000000004", [1]));
        Assert.Empty(_store.SealedVotes());
        Assert.Equal(2, _store.CountInState("voided"));
        Assert.Throws<SqliteException>(() => _store.BeginPrinting("AAAA0000000000000004"));
    }

    [Fact]
    public void A_sealed_vote_owes_its_acceptance_mark_across_reopening_until_cast_and_counts_either_way()
    {
        _store.BeginPrinting("AAAA0000000000000005");
        Assert.Throws<InvalidOperationException>(() => _store.Cast("AAAA0000000000000005"));
        _store.Printed("AAAA0000000000000005");
        _store.Seal("AAAA0000000000000005", [5]);
        _store.Dispose();
        using var reopened = new VoteStore(DbPath);
        Assert.Equal(["AAAA0000000000000005"], reopened.AcceptanceMarksOwed());
        Assert.Equal(new TestigoCounts(0, 0, 1, 0, 0, 1), reopened.Counts());
        reopened.Cast("AAAA0000000000000005");
        Assert.Empty(reopened.AcceptanceMarksOwed());
        Assert.Throws<InvalidOperationException>(() => reopened.Cast("AAAA0000000000000005"));
        Assert.Equal([5], Assert.Single(reopened.SealedVotes()).Vote);
        Assert.Equal(new TestigoCounts(0, 0, 1, 0, 0, 0), reopened.Counts());
        Assert.Equal(1, reopened.Counts().TestigosPrinted);
    }

    [Fact]
    public void A_void_mark_stays_owed_with_its_reason_across_reopening_and_the_testigo_never_becomes_a_vote()
    {
        _store.BeginPrinting("AAAA0000000000000006");
        _store.Printed("AAAA0000000000000006");
        _store.Voiding("AAAA0000000000000006", "REJECTED");
        _store.BeginPrinting("AAAA0000000000000007");
        _store.Voided("AAAA0000000000000007"); // nothing reached paper: no mark owed
        Assert.Throws<InvalidOperationException>(() => _store.Seal("AAAA0000000000000006", [1]));
        Assert.Throws<InvalidOperationException>(() => _store.Voiding("AAAA0000000000000007", "PRINTER"));
        _store.Dispose();
        using var reopened = new VoteStore(DbPath);
        Assert.Equal([("AAAA0000000000000006", "REJECTED")], reopened.VoidMarksOwed());
        Assert.Equal(new TestigoCounts(0, 0, 0, 2, 1, 0), reopened.Counts());
        reopened.VoidMarkPrinted("AAAA0000000000000006");
        Assert.Throws<InvalidOperationException>(() => reopened.VoidMarkPrinted("AAAA0000000000000006"));
        Assert.Empty(reopened.VoidMarksOwed());
        Assert.Empty(reopened.SealedVotes());
        Assert.Equal(new TestigoCounts(0, 0, 0, 2, 0, 0), reopened.Counts());
    }

    [Fact]
    public void Counters_start_at_zero_increment_and_survive_reopening()
    {
        Assert.Equal(0, _store.Counter("activations-redeemed"));
        _store.Increment("activations-redeemed");
        _store.Increment("activations-redeemed");
        _store.Set("polls-state", 2);
        _store.Dispose();
        using var reopened = new VoteStore(DbPath);
        Assert.Equal(2, reopened.Counter("activations-redeemed"));
        Assert.Equal(2, reopened.Counter("polls-state"));
        Assert.Equal(0, reopened.Counter("sessions-abandoned"));
    }

    [Fact]
    public void The_testigos_table_keeps_no_time_nor_sequence_and_has_no_rowid()
    {
        using var db = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var info = db.CreateCommand();
        info.CommandText = "SELECT name, type FROM pragma_table_info('testigos')";
        var columns = new List<string>();
        using (var reader = info.ExecuteReader()) while (reader.Read()) columns.Add(reader.GetString(0));
        Assert.Equal(["id", "reason", "state", "vote"], columns.Order().ToArray());
        foreach (var forbidden in new[] { "time", "date", "seq", "created", "order", "stamp", "num" })
            Assert.DoesNotContain(columns, c => c.Contains(forbidden, StringComparison.OrdinalIgnoreCase));
        using var sql = db.CreateCommand();
        sql.CommandText = "SELECT sql FROM sqlite_master WHERE type='table' AND name='testigos'";
        var ddl = (string)sql.ExecuteScalar()!;
        Assert.Contains("WITHOUT ROWID", ddl, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AUTOINCREMENT", ddl, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_write_ahead_log_keeps_sealed_votes_in_cast_order()
    {
        // rules.md R3: WAL frames would list each sealed vote in the order it was cast.
        for (var i = 0; i < 3; i++)
        {
            var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
            _store.BeginPrinting(id);
            _store.Printed(id);
            _store.Seal(id, SealedVote.Seal(_key, id, "payload"));
        }
        Assert.False(File.Exists(DbPath + "-wal"));
        Assert.False(File.Exists(DbPath + "-journal"));
        using var db = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var mode = db.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("delete", (string)mode.ExecuteScalar()!);
    }

    [Fact]
    public void A_sealed_vote_opens_with_its_key_and_id_only()
    {
        const string id = "0123456789ABCDEF0123", payload = "VMRE-T1|0a1b2c3d|E05|0123456789ABCDEF0123|GOB-05=MC";
        var sealedVote = SealedVote.Seal(_key, id, payload);
        Assert.Equal(payload, SealedVote.Open(_key, id, sealedVote));
        Assert.DoesNotContain("GOB-05"u8.ToArray(), Windows(sealedVote, 6));
        for (var i = 0; i < sealedVote.Length; i++)
        {
            var tampered = (byte[])sealedVote.Clone();
            tampered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => SealedVote.Open(_key, id, tampered));
        }
        Assert.ThrowsAny<CryptographicException>(() => SealedVote.Open(_key, "0123456789ABCDEF0124", sealedVote));
        Assert.ThrowsAny<CryptographicException>(() => SealedVote.Open(RandomNumberGenerator.GetBytes(32), id, sealedVote));
    }

    private static IEnumerable<byte[]> Windows(byte[] bytes, int size) =>
        Enumerable.Range(0, Math.Max(0, bytes.Length - size + 1)).Select(i => bytes.AsSpan(i, size).ToArray());

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }
}
