using Vmre.Common.Module;
using Vmre.Common.Serialization;

namespace Vmre.Provisioning.Modules;

/// <summary>
/// `--official CREDID:ROLE:NAME:PIN`. The name may itself hold colons: the credential id and
/// role are the first two fields and the PIN the last. The PIN is turned into a salted
/// verifier at once and never stored (rules.md R8).
/// </summary>
public static class OfficialArgument
{
    public static Parsed<OfficialEntry> Parse(string text)
    {
        var first = text.IndexOf(':');
        var second = first < 0 ? -1 : text.IndexOf(':', first + 1);
        var last = text.LastIndexOf(':');
        if (second < 0 || last <= second) return Parsed<OfficialEntry>.Fail($"--official must be CREDID:ROLE:NAME:PIN, got '{Redacted(text)}'");
        var credential = text[..first].Trim();
        var roleText = text[(first + 1)..second].Trim();
        var name = text[(second + 1)..last].Trim();
        var pin = text[(last + 1)..];
        if (credential.Length == 0) return Parsed<OfficialEntry>.Fail("--official credential id is empty");
        if (name.Length == 0) return Parsed<OfficialEntry>.Fail($"--official {credential}: name is empty");
        if (!Enum.TryParse<OfficialRole>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(roleText, out _))
            return Parsed<OfficialEntry>.Fail($"--official {credential}: unknown role '{roleText}' (presidente, secretario, escrutador, technician, observer)");
        if (pin.Length is < 4 or > 8 || !pin.All(char.IsAsciiDigit))
            return Parsed<OfficialEntry>.Fail($"--official {credential}: PIN must be 4 to 8 digits");
        var (salt, hash) = PinVerifier.Create(pin);
        return Parsed<OfficialEntry>.Ok(new OfficialEntry(credential, role, name, salt, hash));
    }

    /// <summary>Never echo a PIN back into a terminal's scrollback or a log.</summary>
    private static string Redacted(string text)
    {
        var last = text.LastIndexOf(':');
        return last < 0 ? "…" : text[..last] + ":****";
    }
}
