using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Provisioning.Authority;

namespace Vmre.Provisioning.Modules;

/// <summary>
/// `--console ID=desk|observer:PUBPEMFILE`: pairs a desk or observers' console with its device's
/// public key, like a terminal (issue 8 point 1). The key must be ECDSA P-256.
/// </summary>
public static class ConsoleArgument
{
    private const string Shape = "--console must be ID=desk|observer:PUBPEMFILE";

    public static Parsed<ConsoleEntry> Parse(string text)
    {
        var eq = text.IndexOf('=');
        var colon = eq < 0 ? -1 : text.IndexOf(':', eq + 1);
        if (eq <= 0 || colon < 0 || colon == text.Length - 1) return Parsed<ConsoleEntry>.Fail($"{Shape}, got '{text}'");
        var id = text[..eq].Trim();
        if (ModuleConfigCheck.ConsoleIdProblem(id) is { } idProblem) return Parsed<ConsoleEntry>.Fail(idProblem);
        ConsoleRole? role = text[(eq + 1)..colon] switch
        {
            "desk" => ConsoleRole.Desk,
            "observer" => ConsoleRole.Observer,
            _ => null,
        };
        if (role is null) return Parsed<ConsoleEntry>.Fail($"console {id}: role must be desk or observer, got '{text[(eq + 1)..colon]}'");
        var key = KeyFiles.LoadPublic(text[(colon + 1)..]);
        return key.IsOk
            ? Parsed<ConsoleEntry>.Ok(new ConsoleEntry(id, role.Value, key.Value!.Pem))
            : Parsed<ConsoleEntry>.Fail($"console {id}: {key.Error}");
    }
}
