using Microsoft.Data.Sqlite;

namespace Vmre.ModuleServer.Storage;

/// <summary>
/// The module's SQLite store (brief section 4: durable settings, explicit transactions).
/// Every table that could reveal an order is WITHOUT ROWID with a random or identity key, so
/// storage order is key order, never issue or cast order (rules.md R3); the activations
/// table has no time, terminal or voter column (rules.md R2). Only an unredeemed activation
/// has a row in unredeemed_activations (its voter and issue time, for expiry and re-issue:
/// issue 8 point 4); the burn deletes it in the same transaction, polls close deletes what is left.
/// Issue 10 point 3: terminal_redemptions is one counter per terminal (no voter, no time, no
/// activation), count_reports the newest count report per terminal and the maxima seen.
/// Issue 11 point 3: checkin_answers keeps an unredeemed activation's check-in answer, and the
/// credential id of the official who asked (review finding 3; no voter identity, no time), under the
/// desk's request id (deleted with its unredeemed_activations row), redemption_answers a burn's
/// signed acceptance under the digest of the request it answered (terminal, challenge, token:
/// no nonce, terminal or time in clear; deleted at polls close), so a lost answer is
/// given again, never a second activation. Issue 11 point 6: module.db (and its journal, which
/// SQLite creates with the database's mode) is 0600.
/// </summary>
public sealed class ModuleDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS voters(
            clave TEXT NOT NULL PRIMARY KEY,
            cic TEXT NOT NULL UNIQUE,
            surnames TEXT NOT NULL,
            given_names TEXT NOT NULL,
            entidad TEXT NOT NULL,
            credential_type TEXT NOT NULL,
            voted INTEGER NOT NULL DEFAULT 0 CHECK (voted IN (0, 1))
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS blocked(
            key TEXT NOT NULL PRIMARY KEY,
            reason TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS activations(
            nonce TEXT NOT NULL PRIMARY KEY,
            style TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('issued', 'redeemed', 'voided'))
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS unredeemed_activations(
            nonce TEXT NOT NULL PRIMARY KEY,
            clave TEXT NOT NULL UNIQUE,
            issued_unix INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS polls(
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            state TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS official_lockouts(
            credential TEXT NOT NULL PRIMARY KEY,
            failures INTEGER NOT NULL CHECK (failures >= 0),
            locked_until_unix_ms INTEGER
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS module_facts(
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS command_sequences(
            terminal_id TEXT NOT NULL PRIMARY KEY,
            last INTEGER NOT NULL CHECK (last > 0)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS terminal_redemptions(
            terminal_id TEXT NOT NULL PRIMARY KEY,
            redeemed INTEGER NOT NULL CHECK (redeemed >= 0)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS count_reports(
            terminal_id TEXT NOT NULL PRIMARY KEY,
            run TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            store_epoch INTEGER NOT NULL,
            sealed INTEGER NOT NULL,
            without_vote INTEGER NOT NULL,
            redeemed INTEGER NOT NULL,
            max_sealed INTEGER NOT NULL,
            max_without_vote INTEGER NOT NULL,
            max_redeemed INTEGER NOT NULL,
            max_epoch INTEGER NOT NULL,
            epoch_went_back INTEGER NOT NULL DEFAULT 0,
            at_close INTEGER NOT NULL DEFAULT 0,
            document TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS checkin_answers(
            nonce TEXT NOT NULL PRIMARY KEY,
            request_id TEXT NOT NULL UNIQUE,
            token TEXT NOT NULL,
            official TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS redemption_answers(
            request_digest TEXT NOT NULL PRIMARY KEY,
            style TEXT NOT NULL,
            signature TEXT NOT NULL
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO polls(id, state) VALUES (1, 'NotOpen');
        """;

    private readonly string _connectionString;

    private ModuleDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public static ModuleDatabase Open(string path)
    {
        // Issue 11 point 6: the file exists 0600 before SQLite opens it, so it is never world-readable.
        Vmre.Common.Storage.PrivateFiles.Ensure(path);
        var db = new ModuleDatabase(path);
        using var connection = db.Connect();
        // rules.md R2: a write-ahead log would keep each check-in's pages (the voter marked, the
        // activation issued) as frames in commit order, linking a voter to an activation and so
        // to the terminal and time that redeemed it. A rollback journal holds only the pages'
        // before-images and is deleted at commit; secure_delete zeroes freed content.
        Execute(connection, "PRAGMA journal_mode=DELETE;");
        using var tx = connection.BeginTransaction();
        Execute(connection, Schema, tx);
        tx.Commit();
        return db;
    }

    /// <summary>An open connection with the durability the brief asks for (rules.md R6: nothing lost).</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA secure_delete=ON;");
        return connection;
    }

    public static int Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null,
        params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, tx, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null,
        params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, tx, parameters);
        return command.ExecuteScalar();
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? tx,
        params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
