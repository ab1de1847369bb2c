using Microsoft.Data.Sqlite;
using Vmre.Common.Lnere;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Voters;

/// <summary>Reads of the voter list and of the blocked-key index (docs/formats/lnere-slice.md).</summary>
public static class VoterList
{
    private const string Columns = "clave, cic, surnames, given_names, entidad, voted";

    public static ListedVoter? ByClave(SqliteConnection c, string clave, SqliteTransaction? tx = null) =>
        One(c, $"SELECT {Columns} FROM voters WHERE clave = $v", tx, clave);

    public static ListedVoter? ByCic(SqliteConnection c, string cic, SqliteTransaction? tx = null) =>
        One(c, $"SELECT {Columns} FROM voters WHERE cic = $v", tx, cic);

    /// <summary>Why someone not in this module's list cannot vote here, when the LNERE says so.</summary>
    public static BlockReason? Blocked(SqliteConnection c, string sliceKey)
    {
        var text = ModuleDatabase.Scalar(c, "SELECT reason FROM blocked WHERE key = $k", null, ("$k", sliceKey)) as string;
        if (text is null) return null;
        return Enum.TryParse<BlockReason>(text, out var reason)
            ? reason
            : throw new InvalidDataException($"blocked table holds an unknown reason '{text}'");
    }

    /// <summary>
    /// The atomic mark (brief section 2.3): only one of two desks racing for the same voter
    /// changes the row; the other sees zero rows and answers "already voted".
    /// </summary>
    public static bool MarkVoted(SqliteConnection c, SqliteTransaction tx, string clave) =>
        ModuleDatabase.Execute(c, "UPDATE voters SET voted = 1 WHERE clave = $c AND voted = 0", tx, ("$c", clave)) == 1;

    public static (int InSlice, int CheckedIn) Counts(SqliteConnection c)
    {
        using var command = ModuleDatabase.Command(c, "SELECT COUNT(*), COALESCE(SUM(voted), 0) FROM voters", null);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    private static ListedVoter? One(SqliteConnection c, string sql, SqliteTransaction? tx, string value)
    {
        using var command = ModuleDatabase.Command(c, sql, tx, ("$v", value));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new ListedVoter(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            reader.GetString(4), reader.GetInt32(5) == 1);
    }
}
