using Vmre.Common.Officials;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Officials;

/// <summary>
/// Each credential's <see cref="PinLockout"/> in module.db (issue 11 point 1), so a restart
/// neither forgets a lock nor resets the doubling. Only the application's count: the card keeps
/// its own try counter, and the TPM's device-wide lockout is never used for PINs.
/// </summary>
public sealed class OfficialLockouts(ModuleDatabase db)
{
    public PinLockout Of(string credentialId)
    {
        using var connection = db.Connect();
        using var command = ModuleDatabase.Command(connection,
            "SELECT failures, locked_until_unix_ms FROM official_lockouts WHERE credential = $c", null, ("$c", credentialId));
        using var row = command.ExecuteReader();
        if (!row.Read()) return PinLockout.Clear;
        DateTimeOffset? until = row.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(1));
        return new PinLockout(row.GetInt32(0), until);
    }

    public void Save(string credentialId, PinLockout lockout)
    {
        using var connection = db.Connect();
        if (lockout == PinLockout.Clear)
        {
            ModuleDatabase.Execute(connection, "DELETE FROM official_lockouts WHERE credential = $c", null, ("$c", credentialId));
            return;
        }
        ModuleDatabase.Execute(connection,
            "INSERT INTO official_lockouts(credential, failures, locked_until_unix_ms) VALUES ($c, $f, $u) "
            + "ON CONFLICT(credential) DO UPDATE SET failures = $f, locked_until_unix_ms = $u",
            null, ("$c", credentialId), ("$f", lockout.Failures), ("$u", (object?)lockout.LockedUntil?.ToUnixTimeMilliseconds() ?? DBNull.Value));
    }
}
