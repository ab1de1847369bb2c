using Microsoft.Data.Sqlite;
using Vmre.Common.Election;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Counting;

/// <summary>What the module server itself knows per ballot style, for the acta's reconciliation.</summary>
public sealed record StyleLedgerCounts(string Style, int CheckedIn, int Issued, int Redeemed);

/// <summary>
/// Counts per ballot style from the server's own tables (issue 9 point 6): check-ins from the
/// voter list (the entidad gives the style, as at check-in), activations issued and redeemed from
/// the activations table (it holds a style but no voter: rules.md R2). Two aggregate queries, each
/// on its own table: nothing links a voter to an activation (rules.md R3).
/// </summary>
public static class StyleLedger
{
    public static IReadOnlyList<StyleLedgerCounts> Counts(SqliteConnection c, ElectionPackage package)
    {
        var checkedIn = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var byEntidad = ModuleDatabase.Command(c, "SELECT entidad, COUNT(*) FROM voters WHERE voted = 1 GROUP BY entidad", null))
        using (var reader = byEntidad.ExecuteReader())
            while (reader.Read())
            {
                var style = package.StyleForEntidad(reader.GetString(0))?.Id;
                if (style is not null) checkedIn[style] = checkedIn.GetValueOrDefault(style) + reader.GetInt32(1);
            }

        var activations = new Dictionary<string, (int Issued, int Redeemed)>(StringComparer.Ordinal);
        // Voided activations were replaced by their re-issue (ActivationLedger.Counts): not counted as issued.
        using (var byStyle = ModuleDatabase.Command(c,
            "SELECT style, COALESCE(SUM(state <> 'voided'), 0), COALESCE(SUM(state = 'redeemed'), 0) FROM activations GROUP BY style", null))
        using (var reader = byStyle.ExecuteReader())
            while (reader.Read()) activations[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt32(2));

        return package.BallotStyles.Select(s => new StyleLedgerCounts(s.Id, checkedIn.GetValueOrDefault(s.Id),
            activations.GetValueOrDefault(s.Id).Issued, activations.GetValueOrDefault(s.Id).Redeemed)).ToArray();
    }
}
