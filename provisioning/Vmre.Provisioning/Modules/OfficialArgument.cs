using Vmre.Common.Cards;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Provisioning.Authority;

namespace Vmre.Provisioning.Modules;

/// <summary>
/// `--official CREDID:ROLE:NAME:CARD_PUBLIC_PEM_FILE`. The name may itself hold colons: the
/// credential id and role are the first two fields and the card's public key file the last. No
/// PIN is given here (issue 11 points 1 and 6): the PIN is set only when the card is personalised
/// and checked only by the card, so neither argv nor the config holds anything derived from it.
/// </summary>
public static class OfficialArgument
{
    public const string Shape = "CREDID:ROLE:NAME:CARD_PUBLIC_PEM_FILE";

    public static Parsed<OfficialEntry> Parse(string text)
    {
        var first = text.IndexOf(':');
        var second = first < 0 ? -1 : text.IndexOf(':', first + 1);
        var last = text.LastIndexOf(':');
        if (second < 0 || last <= second) return Parsed<OfficialEntry>.Fail($"--official must be {Shape}, got '{LogTextOf(text)}'");
        var credential = text[..first].Trim();
        var roleText = text[(first + 1)..second].Trim();
        var name = text[(second + 1)..last].Trim();
        var keyFile = text[(last + 1)..];
        if (!CardStatement.IsCredentialId(credential))
            return Parsed<OfficialEntry>.Fail($"--official credential id must be 1-{CardStatement.MaxCredentialLength} printable ASCII characters without spaces");
        if (name.Length == 0) return Parsed<OfficialEntry>.Fail($"--official {credential}: name is empty");
        if (!Enum.TryParse<OfficialRole>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(roleText, out _))
            return Parsed<OfficialEntry>.Fail($"--official {credential}: unknown role '{roleText}' (presidente, secretario, escrutador, technician, observer)");
        if (keyFile.Length is >= 4 and <= 8 && keyFile.All(char.IsAsciiDigit))
            return Parsed<OfficialEntry>.Fail($"--official {credential}: the last field is the card's public key file, not a PIN "
                + "(module config v3: PINs are set only when the card is personalised)");
        var key = KeyFiles.LoadPublic(keyFile);
        return key.IsOk
            ? Parsed<OfficialEntry>.Ok(new OfficialEntry(credential, role, name, key.Value!.Pem))
            : Parsed<OfficialEntry>.Fail($"--official {credential}: card public key {key.Error}");
    }

    // The whole argument may be an old-style one ending in a PIN: never echo it.
    private static string LogTextOf(string text) => text.Length <= 64 && text.All(c => c is >= ' ' and <= '~') && !text.Any(char.IsAsciiDigit)
        ? text : $"{text.Length} characters";
}
