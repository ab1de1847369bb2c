using Microsoft.Data.Sqlite;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Polls;

/// <summary>
/// The polls state as stored. Check-in and redemption are let in under it by <see cref="PollsGate"/>,
/// which also makes every move of it, so once closing commits "closed" no activation can be
/// issued or burned (brief section 2.5). Opening and closing move it only through the gate.
/// </summary>
public static class PollsRecord
{
    public static PollsState Read(SqliteConnection connection, SqliteTransaction? tx = null)
    {
        var text = ModuleDatabase.Scalar(connection, "SELECT state FROM polls WHERE id = 1", tx) as string;
        return Enum.TryParse<PollsState>(text, out var state)
            ? state
            : throw new InvalidDataException($"polls table holds an unknown state '{text}'");
    }

    private static void Write(SqliteConnection connection, SqliteTransaction tx, PollsState state) =>
        ModuleDatabase.Execute(connection, "UPDATE polls SET state = $s WHERE id = 1", tx, ("$s", state.ToString()));

    public static PollsState Read(ModuleDatabase db)
    {
        using var connection = db.Connect();
        return Read(connection);
    }

    /// <summary>
    /// Moves from one state to the next only if still in the expected one. Internal: the gate is
    /// the only caller, so no transition can run under a request it let in.
    /// </summary>
    internal static bool Move(ModuleDatabase db, PollsState from, PollsState to)
    {
        using var connection = db.Connect();
        using var tx = connection.BeginTransaction();
        if (Read(connection, tx) != from) return false;
        Write(connection, tx, to);
        tx.Commit();
        return true;
    }
}
