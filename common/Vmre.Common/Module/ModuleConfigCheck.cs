using System.Security.Cryptography;
using System.Text.Json;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Firmware.Text;

namespace Vmre.Common.Module;

/// <summary>
/// What every reader of a module config checks before using it (docs/formats/module-config.md,
/// "Versioning rule" in docs/formats/README.md): the version, the activation lifetime and the
/// consoles. One wording for the module server, the terminal and the auditor.
/// </summary>
public static class ModuleConfigCheck
{
    /// <summary>Null when the config may be used; otherwise the specific reason it is refused.</summary>
    public static string? Problem(ModuleConfig config)
    {
        if (FormatProblem(config.Format) is { } formatProblem) return formatProblem;
        if (config.ActivationMinutes is < ModuleConfig.MinActivationMinutes or > ModuleConfig.MaxActivationMinutes)
            return $"module config activationMinutes must be {ModuleConfig.MinActivationMinutes}-{ModuleConfig.MaxActivationMinutes}, "
                + $"got {config.ActivationMinutes}";
        if (config.Consoles is null) return "module config has no consoles list (an empty list means none)";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var console in config.Consoles)
        {
            if (ConsoleIdProblem(console.ConsoleId) is { } idProblem) return idProblem;
            if (!seen.Add(console.ConsoleId)) return $"console {console.ConsoleId} is listed twice";
            if (!Enum.IsDefined(console.Role)) return $"console {console.ConsoleId} has no valid role (desk or observer)";
            if (KeyProblem(console.PublicKeyPem) is { } keyProblem) return $"console {console.ConsoleId}'s public key {keyProblem}";
        }
        return OfficialsProblem(config.Officials);
    }

    /// <summary>
    /// Retired versions are refused by name (docs/formats/README.md, "Versioning rule"): v1 had no
    /// activation expiry or consoles; v2 held PIN verifiers anyone with the file could attack
    /// offline (issue 11 point 1).
    /// </summary>
    public static string? FormatProblem(string? format) => format switch
    {
        ModuleConfig.FormatV1 => $"module config format '{ModuleConfig.FormatV1}' is retired (no activation expiry, no consoles): "
            + $"provision it again as {ModuleConfig.FormatV3} with vmre-provision module configure",
        ModuleConfig.FormatV2 => $"module config format '{ModuleConfig.FormatV2}' is retired (its PIN verifiers can be attacked offline): "
            + $"provision it again as {ModuleConfig.FormatV3} with the officials' card public keys (vmre-provision module configure)",
        ModuleConfig.FormatV3 => null,
        _ => $"module config format '{format}' is not {ModuleConfig.FormatV3}",
    };

    /// <summary>Officials: a bounded credential id (the card's), listed once, a valid role, a P-256 card key (issue 11 point 1).</summary>
    private static string? OfficialsProblem(IReadOnlyList<OfficialEntry>? officials)
    {
        if (officials is null) return "module config has no officials list";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cardKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        string? presidente = null;
        foreach (var official in officials)
        {
            if (!Cards.CardStatement.IsCredentialId(official.CredentialId))
                return $"official credential id must be 1-{Cards.CardStatement.MaxCredentialLength} printable ASCII characters without spaces";
            if (!seen.Add(official.CredentialId)) return $"official {official.CredentialId} is listed twice";
            if (!Enum.IsDefined(official.Role)) return $"official {official.CredentialId} has no valid role";
            if (KeyProblem(official.CardPublicKeyPem) is { } keyProblem) return $"official {official.CredentialId}'s card public key {keyProblem}";
            // Review finding 10: one card key is one card; two officials sharing it would sign in as
            // each other. Compared as SubjectPublicKeyInfo bytes, whatever the PEM's spelling.
            var spki = Convert.ToBase64String(SubjectPublicKeyInfo(official.CardPublicKeyPem));
            if (cardKeys.TryGetValue(spki, out var holder))
                return $"officials {holder} and {official.CredentialId} have the same card public key (one card per official)";
            cardKeys[spki] = official.CredentialId;
            // Review finding 10: the module has one presidente, who alone lifts locks and closes.
            if (official.Role == OfficialRole.Presidente)
            {
                if (presidente is not null)
                    return $"officials {presidente} and {official.CredentialId} are both presidente: a module has one presidente";
                presidente = official.CredentialId;
            }
        }
        return null;
    }

    private static byte[] SubjectPublicKeyInfo(string pem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key.ExportSubjectPublicKeyInfo();
    }

    /// <summary>
    /// Opens a signed module config: verified, parsed and checked. A retired version is refused by
    /// name even though its fields (pinSalt, pinHash) no longer parse strictly into a v3 config.
    /// </summary>
    public static Parsed<ModuleConfig> Open(SignedDocument envelope, PublicKey authority)
    {
        var opened = envelope.Open<ModuleConfig>(DocumentKinds.ModuleConfig, authority);
        if (opened.IsOk)
            return Problem(opened.Value!) is { } problem ? Parsed<ModuleConfig>.Fail(problem) : opened;
        // Only a document the authority signed is worth naming by its version.
        if (envelope.KeyId == authority.KeyId && envelope.Kind == DocumentKinds.ModuleConfig
            && Base64.TryDecode(envelope.Payload, out var payload) && Base64.TryDecode(envelope.Signature, out var signature)
            && authority.Verify(payload, signature) && FormatProblem(FormatOf(payload)) is { } retired)
            return Parsed<ModuleConfig>.Fail(retired);
        return opened;
    }

    private static string? FormatOf(byte[] payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("format", out var format)
                && format.ValueKind == JsonValueKind.String ? format.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Console ids are device ids like terminal ids: 1-16 chars [A-Z0-9-], e.g. DESK-01.</summary>
    public static string? ConsoleIdProblem(string? id) =>
        Chars.IsId(id, 1, 16) ? null : $"console id '{id}' must be 1-16 chars [A-Z0-9-]";

    private static string? KeyProblem(string? pem)
    {
        if (string.IsNullOrEmpty(pem)) return "is missing";
        try
        {
            PublicKey.FromPem(pem);
            return null;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return $"is not an ECDSA P-256 public key ({e.Message})";
        }
    }
}
