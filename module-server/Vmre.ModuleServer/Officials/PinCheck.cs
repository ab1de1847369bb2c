using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Officials;

/// <summary>
/// Credential and PIN against the signed module config (rules.md R8). Three consecutive wrong
/// PINs lock the credential; the count is stored so a restart does not reset it. Every attempt
/// is logged with the credential, never the PIN (rules.md R7).
/// </summary>
public sealed class PinCheck(ModuleConfig config, ModuleDatabase db, EventLog log)
{
    public const int MaxFailures = 3;
    public const string LockedReason = "credential locked after 3 failed PIN attempts";
    private readonly object _gate = new();

    public SignInOutcome Check(string? credentialId, string? pin, string purpose)
    {
        if (string.IsNullOrWhiteSpace(credentialId) || pin is null)
            return Logged(SignInOutcome.Refused("credential id and PIN are required"), credentialId ?? "-", purpose);
        var official = config.Official(credentialId);
        if (official is null)
            return Logged(SignInOutcome.Refused("unknown credential"), credentialId, purpose);

        // One check at a time, so two fast guesses cannot both slip past the third failure.
        lock (_gate)
        {
            using var connection = db.Connect();
            var failures = Convert.ToInt32(ModuleDatabase.Scalar(connection,
                "SELECT failures FROM pin_failures WHERE credential = $c", null, ("$c", credentialId)) ?? 0);
            if (failures >= MaxFailures) return Logged(SignInOutcome.Locked(), credentialId, purpose);
            if (PinVerifier.Matches(official, pin))
            {
                ModuleDatabase.Execute(connection, "DELETE FROM pin_failures WHERE credential = $c", null, ("$c", credentialId));
                return Logged(SignInOutcome.Ok(new OfficialIdentity(official.CredentialId, official.Role, official.Name)), credentialId, purpose);
            }
            failures++;
            ModuleDatabase.Execute(connection,
                "INSERT INTO pin_failures(credential, failures) VALUES ($c, $f) ON CONFLICT(credential) DO UPDATE SET failures = $f",
                null, ("$c", credentialId), ("$f", failures));
            return Logged(failures >= MaxFailures ? SignInOutcome.Locked() : SignInOutcome.Refused("wrong PIN"), credentialId, purpose);
        }
    }

    private SignInOutcome Logged(SignInOutcome outcome, string credentialId, string purpose)
    {
        var role = outcome.Official?.Role.ToString().ToLowerInvariant() ?? "unauthenticated";
        log.Append(outcome.Status == SignInStatus.Ok ? "official-pin-accepted" : "official-pin-refused",
            new Actor(role, credentialId),
            new() { ["purpose"] = purpose, ["outcome"] = outcome.Status.ToString().ToLowerInvariant(), ["reason"] = outcome.Reason ?? "-" });
        return outcome;
    }
}
