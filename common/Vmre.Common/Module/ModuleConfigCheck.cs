using System.Security.Cryptography;
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
        if (config.Format == ModuleConfig.FormatV1)
            return $"module config format '{ModuleConfig.FormatV1}' is retired (no activation expiry, no consoles): "
                + $"provision it again as {ModuleConfig.FormatV2} with vmre-provision module configure";
        if (config.Format != ModuleConfig.FormatV2)
            return $"module config format '{config.Format}' is not {ModuleConfig.FormatV2}";
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
        return null;
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
