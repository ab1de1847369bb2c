using Microsoft.Data.Sqlite;

namespace Vmre.Terminal.Reports;

/// <summary>
/// The highest module-command sequence this terminal has accepted (issue 8 point 3), kept in its
/// own SQLite file beside the vote store (<c>dataDir/commands.db</c>), written before the command
/// is obeyed. Why it survives a power cut: the update is one transaction in a rollback journal
/// with <c>synchronous=EXTRA</c>. SQLite syncs the journal and the database file before the
/// commit, and EXTRA also syncs the folder after the journal is unlinked, which is the commit
/// point in DELETE mode: FULL alone may lose that unlink to a power cut and roll the new sequence
/// back. A cut before the commit leaves the old value and the command unobeyed; a cut after
/// leaves the new value. Either way no sequence can be accepted twice. The table holds one
/// number and nothing about votes or voters (rules.md R2, R3).
/// </summary>
public sealed class AcceptedCommands(string path)
{
    public const string FileName = "commands.db";

    /// <summary>The last accepted sequence, 0 before the first command.</summary>
    public long Last()
    {
        using var db = Open();
        return Last(db, null);
    }

    /// <summary>Records <paramref name="sequence"/> if it is above the last accepted: null, or why it is refused.</summary>
    public string? Accept(long sequence)
    {
        using var db = Open();
        using var tx = db.BeginTransaction(System.Data.IsolationLevel.Serializable);
        var last = Last(db, tx);
        if (sequence <= last)
            return $"out-of-sequence command: sequence {sequence} is not above the last accepted {last}";
        using var update = db.CreateCommand();
        update.Transaction = tx;
        update.CommandText = "INSERT INTO accepted(id, sequence) VALUES (1, $s) ON CONFLICT(id) DO UPDATE SET sequence = $s";
        update.Parameters.AddWithValue("$s", sequence);
        update.ExecuteNonQuery();
        tx.Commit();
        return null;
    }

    private static long Last(SqliteConnection db, SqliteTransaction? tx)
    {
        using var read = db.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT sequence FROM accepted WHERE id = 1";
        return read.ExecuteScalar() is long value ? value : 0;
    }

    private SqliteConnection Open()
    {
        // Issue 11 point 6: 0600 before SQLite opens it (its journal takes the same mode).
        Vmre.Common.Storage.PrivateFiles.Ensure(path);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        using var setup = db.CreateCommand();
        setup.CommandText = """
            PRAGMA journal_mode=DELETE; PRAGMA synchronous=EXTRA;
            CREATE TABLE IF NOT EXISTS accepted(id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), sequence INTEGER NOT NULL);
            """;
        setup.ExecuteNonQuery();
        return db;
    }
}
