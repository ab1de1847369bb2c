using Microsoft.Data.Sqlite;
using Vmre.Common.Lnere;
using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Storage;

/// <summary>
/// Loads the verified LNERE slice into the voter list once, in one transaction, so a crash
/// mid-import leaves no half list (rules.md R6). Later starts check that the slice on disk
/// is the one already imported: a swapped slice after voting began must not reset "voted".
/// </summary>
public static class SliceImport
{
    private const string SliceHashFact = "slice-sha256";

    public static Parsed<int> EnsureImported(ModuleDatabase db, LnereSlice slice, string sliceHash)
    {
        using var connection = db.Connect();
        using var tx = connection.BeginTransaction();
        var imported = ModuleDatabase.Scalar(connection, "SELECT value FROM module_facts WHERE key = $k", tx, ("$k", SliceHashFact)) as string;
        if (imported is not null)
        {
            return imported == sliceHash
                ? Parsed<int>.Ok(0)
                : Parsed<int>.Fail($"the LNERE slice on disk ({sliceHash[..16]}) is not the one this module imported ({imported[..16]})");
        }
        try
        {
            foreach (var v in slice.Voters)
            {
                ModuleDatabase.Execute(connection,
                    "INSERT INTO voters(clave, cic, surnames, given_names, entidad, credential_type, voted) VALUES ($c, $cic, $s, $g, $e, $t, 0)",
                    tx, ("$c", v.Clave.Trim().ToUpperInvariant()), ("$cic", v.Cic.Trim()), ("$s", v.Surnames), ("$g", v.GivenNames),
                    ("$e", v.Entidad), ("$t", v.CredentialType));
            }
            foreach (var b in slice.Blocked)
                ModuleDatabase.Execute(connection, "INSERT OR REPLACE INTO blocked(key, reason) VALUES ($k, $r)", tx,
                    ("$k", b.Key), ("$r", b.Reason.ToString()));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19) // SQLITE_CONSTRAINT: a duplicate clave or CIC
        {
            return Parsed<int>.Fail($"the LNERE slice repeats a voter: {e.Message}");
        }
        ModuleDatabase.Execute(connection, "INSERT INTO module_facts(key, value) VALUES ($k, $v)", tx, ("$k", SliceHashFact), ("$v", sliceHash));
        tx.Commit();
        return Parsed<int>.Ok(slice.Voters.Count);
    }
}
