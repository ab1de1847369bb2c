using Vmre.Audit.Documents;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Provisioning.ElectionPackages;

namespace Vmre.Provisioning.Modules;

/// <summary>
/// Assembles a module's configuration from checked parts: the verified election package (its
/// hash pins the package the module runs), terminals and consoles with P-256 keys, officials
/// with their cards' public keys (v3: no PIN verifier, issue 11 point 1), the activation lifetime, and the server's TPM public key (issue 8 point 2). Every refusal says which part and why.
/// </summary>
public static class ModuleConfigBuilder
{
    public static Parsed<ModuleConfig> Build(ModuleConfigRequest request, ISigner authority, PublicKey serverKey)
    {
        var module = PilotModules.Find(request.ModuleId);
        if (module is null) return Parsed<ModuleConfig>.Fail($"unknown module '{request.ModuleId}'; known: {PilotModules.Known}");
        if (request.WalkInCap < 0) return Parsed<ModuleConfig>.Fail("walk-in cap cannot be negative");
        if (request.ActivationMinutes is < ModuleConfig.MinActivationMinutes or > ModuleConfig.MaxActivationMinutes)
            return Parsed<ModuleConfig>.Fail($"--activation-minutes must be {ModuleConfig.MinActivationMinutes}-{ModuleConfig.MaxActivationMinutes}, got {request.ActivationMinutes}");
        var authorityPublic = PublicKey.FromPem(authority.PublicKeyPem);
        // rules.md R5: each role its own key; the authority's key in the server would let the module sign its own inputs.
        if (serverKey.KeyId == authorityPublic.KeyId) return Parsed<ModuleConfig>.Fail("--server-public is the authority's key, not the module server's");
        var package = ElectionPackageFile.Open(request.PackagePath, authorityPublic);
        if (!package.IsOk) return Parsed<ModuleConfig>.Fail($"election package {request.PackagePath}: {package.Error}");

        var terminals = new List<TerminalEntry>();
        foreach (var text in request.Terminals)
        {
            var terminal = TerminalArgument.Parse(text);
            if (!terminal.IsOk) return Parsed<ModuleConfig>.Fail(terminal.Error!);
            if (terminals.Any(t => t.TerminalId == terminal.Value!.TerminalId))
                return Parsed<ModuleConfig>.Fail($"terminal {terminal.Value!.TerminalId} given twice");
            if (PublicKey.FromPem(terminal.Value!.PublicKeyPem).KeyId == serverKey.KeyId)
                return Parsed<ModuleConfig>.Fail($"terminal {terminal.Value.TerminalId} has the module server's key; each device is paired by its own TPM key");
            terminals.Add(terminal.Value!);
        }
        var officials = new List<OfficialEntry>();
        foreach (var text in request.Officials)
        {
            var official = OfficialArgument.Parse(text);
            if (!official.IsOk) return Parsed<ModuleConfig>.Fail(official.Error!);
            if (officials.Any(o => o.CredentialId == official.Value!.CredentialId))
                return Parsed<ModuleConfig>.Fail($"official credential {official.Value!.CredentialId} given twice");
            // A card key is one card's: two officials sharing one would be one card (issue 11 point 1).
            if (officials.Any(o => PublicKey.FromPem(o.CardPublicKeyPem).KeyId == PublicKey.FromPem(official.Value!.CardPublicKeyPem).KeyId))
                return Parsed<ModuleConfig>.Fail($"official {official.Value!.CredentialId} has the same card key as another official");
            officials.Add(official.Value!);
        }
        var consoles = new List<ConsoleEntry>();
        foreach (var text in request.Consoles ?? [])
        {
            var console = ConsoleArgument.Parse(text);
            if (!console.IsOk) return Parsed<ModuleConfig>.Fail(console.Error!);
            if (consoles.Any(c => c.ConsoleId == console.Value!.ConsoleId))
                return Parsed<ModuleConfig>.Fail($"console {console.Value!.ConsoleId} given twice");
            consoles.Add(console.Value!);
        }
        string? sliceHash = null;
        if (request.SlicePath is not null)
        {
            var slice = SlicePin.Hash(request.SlicePath, authorityPublic, module.Id, package.Value!.Package.ElectionId);
            if (!slice.IsOk) return Parsed<ModuleConfig>.Fail($"LNERE slice {request.SlicePath}: {slice.Error}");
            sliceHash = slice.Value;
        }
        var config = new ModuleConfig(
            ModuleConfig.FormatV3, module.Id, module.Name, module.TimeZone,
            package.Value!.Package.ElectionId, package.Value!.Hash,
            serverKey.Pem, terminals, officials, request.WalkInCap, sliceHash,
            request.ActivationMinutes, consoles);
        // Review finding 10: what the server will refuse (duplicate card keys, two presidentes) is
        // refused here too, with the same words, before anything is signed.
        return ModuleConfigCheck.Problem(config) is { } problem ? Parsed<ModuleConfig>.Fail(problem) : Parsed<ModuleConfig>.Ok(config);
    }
}
