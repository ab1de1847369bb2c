using Microsoft.Data.Sqlite;

namespace Vmre.Terminal.Votes;

/// <summary>
/// The terminal's durable record of testigos and sealed votes (SQLite, synchronous=FULL).
/// rules.md R3: one row per testigo keyed by its random id in a WITHOUT ROWID table, so the
/// storage order is the order of random ids, not of casting; no timestamps, no sequence.
/// rules.md R6: each state change is one transaction; a vote is sealed exactly once, and
/// only from a testigo that printed whole. A testigo's row goes printing, printed, then either
/// sealed and cast (acceptance mark printed) or voiding and voided (void mark printed), or
/// straight to voided when none of it reached paper (issue 9, design section 4).
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
        // Issue 9 (design section 4): 'sealed' is a vote whose acceptance mark is still owed,
        // 'cast' one whose mark printed; 'voiding' owes its void mark, whose reason code it keeps
        // so the mark prints with it after a restart.
        Execute("""
            CREATE TABLE IF NOT EXISTS testigos (
              id TEXT PRIMARY KEY,
              state TEXT NOT NULL CHECK (state IN ('printing','printed','sealed','cast','voiding','voided')),
              reason TEXT,
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

    /// <summary>Void a testigo none of which reached paper (the printer refused before the first byte): no mark owed.</summary>
    public void Voided(string testigoId) =>
        Run("UPDATE testigos SET state='voided' WHERE id=$id AND state IN ('printing','printed')", testigoId, expectRows: 1);

    /// <summary>
    /// Void a testigo that is (or may be) on paper: it stays 'voiding' with its reason code until
    /// its void mark has printed on the paper, so a mark owed survives a crash or power cut (rules.md R1, R6).
    /// </summary>
    public void Voiding(string testigoId, string reasonCode) =>
        Run("UPDATE testigos SET state='voiding', reason=$reason WHERE id=$id AND state IN ('printing','printed')",
            testigoId, expectRows: 1, ("$reason", reasonCode));

    /// <summary>The void mark (band and ANULADO) printed whole over this testigo.</summary>
    public void VoidMarkPrinted(string testigoId) =>
        Run("UPDATE testigos SET state='voided' WHERE id=$id AND state='voiding'", testigoId, expectRows: 1);

    /// <summary>Testigos whose void mark has not printed yet, with its reason code (id order: random, no cast order).</summary>
    public IReadOnlyList<(string TestigoId, string ReasonCode)> VoidMarksOwed()
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT id, reason FROM testigos WHERE state='voiding' ORDER BY id";
            using var reader = cmd.ExecuteReader();
            var owed = new List<(string, string)>();
            while (reader.Read()) owed.Add((reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
            return owed;
        }
    }

    /// <summary>
    /// The voter accepted the testigo: seal the vote (it counts from here; its acceptance mark is
    /// owed). Refused unless the testigo printed whole.
    /// </summary>
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

    /// <summary>The acceptance mark (VOTO EMITIDO) printed whole under the sealed vote's testigo.</summary>
    public void Cast(string testigoId) =>
        Run("UPDATE testigos SET state='cast' WHERE id=$id AND state='sealed'", testigoId, expectRows: 1);

    /// <summary>
    /// The acceptance mark's job failed after paper may have moved (a jam or paper-out mid-job):
    /// the held testigo may have been torn off without VOTO EMITIDO, so the paper can count one
    /// less (rules.md R1, R6; issue 9 review). Counted once per sealed row: the row is flagged in
    /// its unused reason column and the counter raised in the same transaction.
    /// </summary>
    public void AcceptanceMarkTorn(string testigoId, string counter)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            using var flag = _db.CreateCommand();
            flag.Transaction = tx;
            flag.CommandText = "UPDATE testigos SET reason='torn' WHERE id=$id AND state='sealed' AND reason IS NULL";
            flag.Parameters.AddWithValue("$id", testigoId);
            if (flag.ExecuteNonQuery() == 1)
            {
                using var inc = _db.CreateCommand();
                inc.Transaction = tx;
                inc.CommandText = "INSERT INTO counters (name, value) VALUES ($n, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1";
                inc.Parameters.AddWithValue("$n", counter);
                inc.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    /// <summary>Sealed votes whose acceptance mark has not printed yet (id order: random).</summary>
    public IReadOnlyList<string> AcceptanceMarksOwed() => Ids("SELECT id FROM testigos WHERE state='sealed' ORDER BY id");

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
            return TestigoCounts.Of(byState);
        }
    }

    /// <summary>Every sealed vote (its acceptance mark printed or still owed), in id order (random, so no cast order).</summary>
    public IReadOnlyList<(string TestigoId, byte[] Vote)> SealedVotes()
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT id, vote FROM testigos WHERE state IN ('sealed','cast') ORDER BY id";
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

    private void Run(string sql, string id, int expectRows, params (string Name, string Value)[] more)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$id", id);
            foreach (var (name, value) in more) cmd.Parameters.AddWithValue(name, value);
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
