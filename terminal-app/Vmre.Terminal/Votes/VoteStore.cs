using Microsoft.Data.Sqlite;

namespace Vmre.Terminal.Votes;

/// <summary>
/// The terminal's durable record of testigos and sealed votes (SQLite, synchronous=FULL).
/// rules.md R3: one row per testigo keyed by its random id in a WITHOUT ROWID table, so the
/// storage order is the order of random ids, not of casting; no timestamps, no sequence.
/// rules.md R6: each state change is one transaction; a vote is sealed exactly once, and
/// only from a testigo that printed whole.
/// </summary>
public sealed class VoteStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly object _gate = new();

    public VoteStore(string path)
    {
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        // rules.md R3: a write-ahead log would keep sealed votes as frames in the order they were
        // cast until a checkpoint. A rollback journal holds only before-images and is deleted at
        // each commit; secure_delete zeroes freed content.
        Execute("PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;");
        Execute("""
            CREATE TABLE IF NOT EXISTS testigos (
              id TEXT PRIMARY KEY,
              state TEXT NOT NULL CHECK (state IN ('printing','printed','sealed','voiding','voided')),
              vote BLOB
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            """);
    }

    /// <summary>Before the first byte goes to the printer: the testigo exists, not yet a vote.</summary>
    public void BeginPrinting(string testigoId) =>
        Run("INSERT INTO testigos (id, state) VALUES ($id, 'printing')", testigoId, expectRows: 1);

    public void Printed(string testigoId) =>
        Run("UPDATE testigos SET state='printed' WHERE id=$id AND state='printing'", testigoId, expectRows: 1);

    /// <summary>Void a testigo none of which reached paper (the printer refused before the first byte).</summary>
    public void Voided(string testigoId) =>
        Run("UPDATE testigos SET state='voided' WHERE id=$id AND state IN ('printing','printed')", testigoId, expectRows: 1);

    /// <summary>
    /// Void a testigo that is (or may be) on paper: it stays 'voiding' until its voiding notice has
    /// printed, so a notice owed survives a crash or power cut (rules.md R1 and R6).
    /// </summary>
    public void VoidWithNotice(string testigoId) =>
        Run("UPDATE testigos SET state='voiding' WHERE id=$id AND state IN ('printing','printed')", testigoId, expectRows: 1);

    /// <summary>The voiding notice naming this testigo printed whole.</summary>
    public void NoticePrinted(string testigoId) =>
        Run("UPDATE testigos SET state='voided' WHERE id=$id AND state='voiding'", testigoId, expectRows: 1);

    /// <summary>Voided testigos whose voiding notice has not printed yet (id order: random, no cast order).</summary>
    public IReadOnlyList<string> NoticesOwed() => Ids("SELECT id FROM testigos WHERE state='voiding' ORDER BY id");

    /// <summary>The voter saw the testigo: seal the vote. Refused unless the testigo printed whole.</summary>
    public void Seal(string testigoId, byte[] sealedVote)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "UPDATE testigos SET state='sealed', vote=$vote WHERE id=$id AND state='printed'";
            cmd.Parameters.AddWithValue("$id", testigoId);
            cmd.Parameters.AddWithValue("$vote", sealedVote);
            if (cmd.ExecuteNonQuery() != 1) throw new InvalidOperationException("vote can only be sealed from a printed testigo");
        }
    }

    public void Increment(string counter)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "INSERT INTO counters (name, value) VALUES ($n, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1";
            cmd.Parameters.AddWithValue("$n", counter);
            cmd.ExecuteNonQuery();
        }
    }

    public void Set(string counter, int value)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "INSERT INTO counters (name, value) VALUES ($n, $v) ON CONFLICT(name) DO UPDATE SET value = $v";
            cmd.Parameters.AddWithValue("$n", counter);
            cmd.Parameters.AddWithValue("$v", value);
            cmd.ExecuteNonQuery();
        }
    }

    public int Counter(string counter) => Scalar("SELECT COALESCE((SELECT value FROM counters WHERE name=$p), 0)", counter);

    public int CountInState(string state) => Scalar("SELECT COUNT(*) FROM testigos WHERE state=$p", state);

    /// <summary>How many testigos are in each state, in one query (for the zero report and the closing record).</summary>
    public TestigoCounts Counts()
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT state, COUNT(*) FROM testigos GROUP BY state";
            using var reader = cmd.ExecuteReader();
            var byState = new Dictionary<string, int>();
            while (reader.Read()) byState[reader.GetString(0)] = reader.GetInt32(1);
            // A testigo whose notice is still owed is void all the same: it is never a vote.
            return new TestigoCounts(byState.GetValueOrDefault("printing"), byState.GetValueOrDefault("printed"),
                byState.GetValueOrDefault("sealed"), byState.GetValueOrDefault("voided") + byState.GetValueOrDefault("voiding"));
        }
    }

    /// <summary>Every sealed vote, in id order (random, so no cast order).</summary>
    public IReadOnlyList<(string TestigoId, byte[] Vote)> SealedVotes()
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT id, vote FROM testigos WHERE state='sealed' ORDER BY id";
            using var reader = cmd.ExecuteReader();
            var votes = new List<(string, byte[])>();
            while (reader.Read()) votes.Add((reader.GetString(0), (byte[])reader["vote"]));
            return votes;
        }
    }

    public IReadOnlyList<string> UnfinishedTestigos() => Ids("SELECT id FROM testigos WHERE state IN ('printing','printed') ORDER BY id");

    private IReadOnlyList<string> Ids(string sql)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            using var reader = cmd.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read()) ids.Add(reader.GetString(0));
            return ids;
        }
    }

    private void Run(string sql, string id, int expectRows)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$id", id);
            var rows = cmd.ExecuteNonQuery();
            if (rows != expectRows) throw new InvalidOperationException($"testigo state change refused ({rows} rows)");
        }
    }

    private int Scalar(string sql, string p)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$p", p);
            return Convert.ToInt32(cmd.ExecuteScalar());
        }
    }

    private void Execute(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _db.Dispose();
}

/// <summary>Testigos by state. Printed on paper: every testigo that left the printer, whatever became of it.</summary>
public readonly record struct TestigoCounts(int Printing, int Printed, int Sealed, int Voided)
{
    public int TestigosPrinted => Sealed + Voided + Printed;
}
