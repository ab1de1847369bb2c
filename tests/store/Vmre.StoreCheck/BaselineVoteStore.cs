using Microsoft.Data.Sqlite;

namespace Vmre.StoreCheck;

/// <summary>
/// BASELINE, not used by any terminal: a faithful copy of the SQL of the vote store before issue 10
/// (main at de37033, terminal-app/Vmre.Terminal/Votes/VoteStore.cs): one WITHOUT ROWID row per
/// testigo keyed by its random id, inserted at BeginPrinting and updated in place with a size-changing
/// UPDATE at Seal. Kept so the order test can show its statistic catches that layout's leak and the
/// bench can time the old per-vote cost. Only the calls the order test and the bench make are here.
/// </summary>
public sealed class BaselineVoteStore : IDisposable
{
    private readonly SqliteConnection _db;

    public BaselineVoteStore(string path, bool durable = true)
    {
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Run($"PRAGMA journal_mode=DELETE; PRAGMA synchronous={(durable ? "FULL" : "OFF")}; PRAGMA secure_delete=ON;");
        Run("""
            CREATE TABLE IF NOT EXISTS testigos (
              id TEXT PRIMARY KEY,
              state TEXT NOT NULL CHECK (state IN ('printing','printed','sealed','cast','voiding','voided')),
              reason TEXT,
              vote BLOB
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            """);
    }

    public void BeginPrinting(string id) => Run("INSERT INTO testigos (id, state) VALUES ($id, 'printing')", ("$id", id));
    public void Printed(string id) => Run("UPDATE testigos SET state='printed' WHERE id=$id AND state='printing'", ("$id", id));
    public void Voiding(string id, string reason) =>
        Run("UPDATE testigos SET state='voiding', reason=$r WHERE id=$id AND state IN ('printing','printed')", ("$id", id), ("$r", reason));
    public void VoidMarkPrinted(string id) => Run("UPDATE testigos SET state='voided' WHERE id=$id AND state='voiding'", ("$id", id));
    public void Seal(string id, byte[] vote) => Run("UPDATE testigos SET state='sealed', vote=$v WHERE id=$id AND state='printed'", ("$id", id), ("$v", vote));
    public void Cast(string id) => Run("UPDATE testigos SET state='cast' WHERE id=$id AND state='sealed'", ("$id", id));

    /// <summary>Cast, with <paramref name="inTransaction"/> run inside the same transaction before commit (to copy the journal).</summary>
    public void Cast(string id, Action inTransaction)
    {
        using var tx = _db.BeginTransaction();
        using var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE testigos SET state='cast' WHERE id=$id AND state='sealed'";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.ExecuteNonQuery();
        inTransaction();
        tx.Commit();
    }

    private void Run(string sql, params (string, object)[] args)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _db.Dispose();
}
