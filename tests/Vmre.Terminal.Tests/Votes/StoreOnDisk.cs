using Microsoft.Data.Sqlite;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;
using Vmre.Terminal.Votes.Slots;

namespace Vmre.Terminal.Tests.Votes;

/// <summary>
/// A vote store file on disk and what someone holding it without the key can do to it: plain SQL
/// through a separate SQLite connection, as the security review did (issue 10 point 6).
/// </summary>
public sealed class StoreOnDisk : IDisposable
{
    private readonly TempDir _dir = new();

    public byte[] MacKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    public byte[] StorageKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    public MemoryStoreEpoch Epoch { get; } = new(41);
    public string Path => _dir.Sub("votes.db");
    public string Sub(string name) => _dir.Sub(name);

    public VoteStore Open(int capacity = 64) => VoteStore.Open(Path, MacKey, Epoch, capacity);

    /// <summary>Takes a testigo through printing to sealed (and cast), as a voter does.</summary>
    public static string Vote(VoteStore store, string payload = "VMRE-T2|0a1b2c3d|E05|GOB-05=MC", bool cast = true, byte[]? key = null)
    {
        var id = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10));
        store.BeginPrinting(id);
        store.Printed(id);
        store.Seal(id, SealedVote.Seal(key ?? new byte[32], id, payload));
        if (cast) store.Cast(id);
        return id;
    }

    /// <summary>Every slot row as bytes, by index, read without the key.</summary>
    public Dictionary<long, byte[]> Rows()
    {
        using var db = Connect();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT idx, body FROM slots";
        using var r = cmd.ExecuteReader();
        var rows = new Dictionary<long, byte[]>();
        while (r.Read()) rows[r.GetInt64(0)] = (byte[])r[1];
        return rows;
    }

    /// <summary>The slot holding a testigo, found by its id bytes (the id is not secret from the file's holder).</summary>
    public long SlotOf(string testigoId) =>
        Rows().Single(r => System.Text.Encoding.ASCII.GetString(r.Value, 33, r.Value[32]) == testigoId).Key;

    public byte[] Header()
    {
        using var db = Connect();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT body FROM header";
        return (byte[])cmd.ExecuteScalar()!;
    }

    public int Sql(string sql, params (string Name, object Value)[] args)
    {
        using var db = Connect();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        return cmd.ExecuteNonQuery();
    }

    public static byte StateByte(TestigoState state) => (byte)state;

    private SqliteConnection Connect()
    {
        var db = new SqliteConnection($"Data Source={Path};Pooling=False");
        db.Open();
        return db;
    }

    public void Dispose() => _dir.Dispose();
}
