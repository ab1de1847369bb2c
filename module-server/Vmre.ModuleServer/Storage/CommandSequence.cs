namespace Vmre.ModuleServer.Storage;

/// <summary>
/// The sequence number of the module server's commands, per terminal (issue 8 point 3), in
/// module.db's <c>command_sequences</c> table. Each number is committed before the command that
/// carries it is signed, so a restart or a crash can skip numbers but never reuse one: the
/// terminal accepts only numbers above the last it obeyed. The table holds a terminal id and a
/// count of commands, nothing about voters or votes (rules.md R2, R3).
/// </summary>
public sealed class CommandSequence(ModuleDatabase db)
{
    public long Next(string terminalId)
    {
        using var connection = db.Connect();
        using var tx = connection.BeginTransaction();
        var next = (long)ModuleDatabase.Scalar(connection, """
            INSERT INTO command_sequences(terminal_id, last) VALUES ($t, 1)
            ON CONFLICT(terminal_id) DO UPDATE SET last = last + 1
            RETURNING last
            """, tx, ("$t", terminalId))!;
        tx.Commit();
        return next;
    }
}
