using Microsoft.Data.Sqlite;

namespace Vmre.Terminal.Votes.Slots;

/// <summary>
/// The store's SQLite file (vmre-vote-store/1): a table of fixed-length slot rows keyed by slot index,
/// all inserted at creation, and one header row. Rows are only ever overwritten with bytes of the same
/// length, so SQLite rewrites each cell where it is: no row is inserted, grows, moves or is freed while
/// votes are cast (issue 10 point 4). File and rollback journal are 0600 (SQLite gives the journal the
/// database file's mode).
/// </summary>
internal sealed class SlotFile : IDisposable
{
    private readonly SqliteConnection _db;

    private SlotFile(SqliteConnection db) => _db = db;

    public static bool Exists(string path) => File.Exists(path) && new FileInfo(path).Length > 0;

    public static SlotFile Open(string path, bool durable = true)
    {
        if (!File.Exists(path))
            using (new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite })) { }
        // An older store (or one copied in) may carry another mode: the store is the owner's alone.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        // rules.md R3: no write-ahead log (frames in cast order); the rollback journal holds only the
        // before-images of the pages one change touched and is deleted at commit; secure_delete zeroes
        // anything freed (nothing is, in this layout). synchronous=FULL: a vote sealed is on disk (R6).
        Exec(db, $"PRAGMA journal_mode=DELETE; PRAGMA synchronous={(durable ? "FULL" : "OFF")}; PRAGMA secure_delete=ON;");
        return new SlotFile(db);
    }

    /// <summary>True when the file has the store's two tables (a fresh empty file has none).</summary>
    public bool HasTables() => Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name IN ('slots','header')") == 2;

    public bool IsEmpty() => Scalar("SELECT COUNT(*) FROM sqlite_master") == 0;

    /// <summary>Creates the layout: every slot written once, in index order, with its free-slot bytes.</summary>
    public void Create(IReadOnlyList<byte[]> slotRows, byte[] headerRow)
    {
        using var tx = _db.BeginTransaction();
        Exec(_db, "CREATE TABLE slots (idx INTEGER PRIMARY KEY, body BLOB NOT NULL); CREATE TABLE header (one INTEGER PRIMARY KEY CHECK (one = 1), body BLOB NOT NULL);", tx);
        using var insert = Command("INSERT INTO slots (idx, body) VALUES ($i, $b)", tx);
        var i = insert.Parameters.Add("$i", SqliteType.Integer);
        var b = insert.Parameters.Add("$b", SqliteType.Blob);
        for (var n = 0; n < slotRows.Count; n++)
        {
            i.Value = n;
            b.Value = slotRows[n];
            insert.ExecuteNonQuery();
        }
        using var head = Command("INSERT INTO header (one, body) VALUES (1, $b)", tx);
        head.Parameters.AddWithValue("$b", headerRow);
        head.ExecuteNonQuery();
        tx.Commit();
    }

    /// <summary>Every slot row as stored: (index, bytes), whatever they hold.</summary>
    public List<(long Index, byte[] Row)> ReadSlots()
    {
        using var cmd = Command("SELECT idx, body FROM slots ORDER BY idx");
        using var reader = cmd.ExecuteReader();
        var rows = new List<(long, byte[])>();
        while (reader.Read()) rows.Add((reader.GetInt64(0), Bytes(reader, 1)));
        return rows;
    }

    public byte[]? ReadSlot(int index)
    {
        using var cmd = Command("SELECT body FROM slots WHERE idx=$i");
        cmd.Parameters.AddWithValue("$i", index);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? Bytes(reader, 0) : null;
    }

    /// <summary>The header row(s): a whole file has exactly one.</summary>
    public List<byte[]> ReadHeaders()
    {
        using var cmd = Command("SELECT body FROM header");
        using var reader = cmd.ExecuteReader();
        var rows = new List<byte[]>();
        while (reader.Read()) rows.Add(Bytes(reader, 0));
        return rows;
    }

    /// <summary>One change: the slot (if any) and the header, overwritten in place in ONE transaction (issue 10 point 2).</summary>
    public void Write(int? slotIndex, byte[]? slotRow, byte[] headerRow, Action? beforeCommit)
    {
        using var tx = _db.BeginTransaction();
        if (slotIndex is { } index)
        {
            using var slot = Command("UPDATE slots SET body=$b WHERE idx=$i", tx);
            slot.Parameters.AddWithValue("$i", index);
            slot.Parameters.AddWithValue("$b", slotRow!);
            if (slot.ExecuteNonQuery() != 1) throw new InvalidOperationException($"slot {index} is missing from the file");
        }
        using var head = Command("UPDATE header SET body=$b WHERE one=1", tx);
        head.Parameters.AddWithValue("$b", headerRow);
        if (head.ExecuteNonQuery() != 1) throw new InvalidOperationException("the header row is missing from the file");
        beforeCommit?.Invoke();
        tx.Commit();
    }

    /// <summary>A column's bytes whatever its storage class: a row rewritten as TEXT or NULL by hand is still read, and fails its MAC.</summary>
    private static byte[] Bytes(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? [] : reader.GetFieldValue<byte[]>(column);

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private long Scalar(string sql)
    {
        using var cmd = Command(sql);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static void Exec(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _db.Dispose();
}
