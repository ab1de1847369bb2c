using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Provisioning.Authority;

namespace Vmre.Provisioning.Modules;

/// <summary>
/// `--terminal ID=PUBPEMFILE`: pairs a terminal with its TPM public key (rules.md R5). The
/// key must be ECDSA P-256, or the module server could never verify that terminal's records.
/// </summary>
public static class TerminalArgument
{
    public static Parsed<TerminalEntry> Parse(string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1) return Parsed<TerminalEntry>.Fail($"--terminal must be ID=PUBPEMFILE, got '{text}'");
        var id = text[..eq].Trim();
        var key = KeyFiles.LoadPublic(text[(eq + 1)..]);
        return key.IsOk
            ? Parsed<TerminalEntry>.Ok(new TerminalEntry(id, key.Value!.Pem))
            : Parsed<TerminalEntry>.Fail($"terminal {id}: {key.Error}");
    }
}
