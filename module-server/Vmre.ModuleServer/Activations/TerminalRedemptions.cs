using Microsoft.Data.Sqlite;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Activations;

/// <summary>
/// The server's own count of activations it burned for each terminal (issue 10 point 3): one row
/// per terminal holding a number, raised in the burn's transaction. No voter, no time and no
/// activation is linked to it (rules.md R2, R3): the activations table still has no terminal
/// column. At closing a terminal's record must not claim more redemptions than this.
/// </summary>
public static class TerminalRedemptions
{
    public static void Add(SqliteConnection c, SqliteTransaction tx, string terminalId) =>
        ModuleDatabase.Execute(c,
            "INSERT INTO terminal_redemptions(terminal_id, redeemed) VALUES ($t, 1) ON CONFLICT(terminal_id) DO UPDATE SET redeemed = redeemed + 1",
            tx, ("$t", terminalId));

    public static IReadOnlyDictionary<string, int> Counts(SqliteConnection c)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var command = ModuleDatabase.Command(c, "SELECT terminal_id, redeemed FROM terminal_redemptions", null);
        using var reader = command.ExecuteReader();
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }
}
