using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Activations;

public enum BurnResult { Burned, AlreadyUsed, Unknown }

/// <summary>
/// The activations table: a random nonce, its ballot style and whether it was burned. No
/// time, terminal or voter column exists (rules.md R2), and the random primary key of a
/// WITHOUT ROWID table keeps storage in nonce order, not issue order (rules.md R3).
/// </summary>
public static class ActivationLedger
{
    public const string Issued = "issued";
    public const string Redeemed = "redeemed";

    /// <summary>A new single-use activation inside the caller's check-in transaction.</summary>
    public static string Issue(SqliteConnection c, SqliteTransaction tx, string style)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        ModuleDatabase.Execute(c, "INSERT INTO activations(nonce, style, state) VALUES ($n, $s, 'issued')", tx,
            ("$n", nonce), ("$s", style));
        return nonce;
    }

    /// <summary>Burn once (rules.md R4): the conditional update lets exactly one redemption win.</summary>
    public static BurnResult Burn(SqliteConnection c, SqliteTransaction tx, string nonce)
    {
        if (ModuleDatabase.Execute(c, "UPDATE activations SET state = 'redeemed' WHERE nonce = $n AND state = 'issued'", tx, ("$n", nonce)) == 1)
            return BurnResult.Burned;
        return ModuleDatabase.Scalar(c, "SELECT 1 FROM activations WHERE nonce = $n", tx, ("$n", nonce)) is null
            ? BurnResult.Unknown
            : BurnResult.AlreadyUsed;
    }

    public static string? StyleOf(SqliteConnection c, SqliteTransaction tx, string nonce) =>
        ModuleDatabase.Scalar(c, "SELECT style FROM activations WHERE nonce = $n", tx, ("$n", nonce)) as string;

    public static (int Issued, int Redeemed) Counts(SqliteConnection c)
    {
        using var command = ModuleDatabase.Command(c,
            "SELECT COUNT(*), COALESCE(SUM(state = 'redeemed'), 0) FROM activations", null);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }
}
