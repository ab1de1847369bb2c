using System.CommandLine;
using Vmre.Cli;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Provisioning.Authority;

namespace Vmre.Provisioning.Modules;

/// <summary>
/// `module configure`: write the module's signed configuration (docs/formats/module-config.md),
/// pairing the module server by the public key its TPM made (`vmre-module-server provision`,
/// issue 8 point 2), as terminals are paired by theirs: no server private key is made or
/// written here. All or nothing (issue 7.5): every input is checked and the config signed in
/// memory before a byte is written.
/// </summary>
public sealed class ModuleConfigureCommand : ICommand
{
    private readonly Option<string> _module = new("--module") { Description = $"module id: {PilotModules.Known}", Required = true };
    private readonly Option<string> _authority = new("--authority") { Description = "the authority's private key (authority.key)", Required = true };
    private readonly Option<string> _package = new("--package") { Description = "the signed election package the module will run", Required = true };
    private readonly Option<string> _serverPublic = new("--server-public") { Description = "PUBPEMFILE: the module server's TPM public key (server-public.pem from vmre-module-server provision)", Required = true };
    private readonly Option<string[]> _terminal = new("--terminal") { Description = "ID=PUBPEMFILE: a terminal and its TPM public key (ECDSA P-256 PEM); repeatable" };
    private readonly Option<string[]> _official = new("--official") { Description = "CREDID:ROLE:NAME:CARD_PUBLIC_PEM_FILE; ROLE presidente|secretario|escrutador|technician|observer; the card's public key from card personalisation (no PIN: the card checks it); repeatable" };
    private readonly Option<string> _slice = new("--slice") { Description = "the module's signed LNERE slice; its hash is pinned in the config (rules.md R5)", Required = true };
    // Signed into the config now; walk-ins are enforced by the election-day issue (issue 7).
    private readonly Option<int> _walkInCap = new Option<int>("--walk-in-cap") { Description = "walk-in voters allowed at this module (default 0)" }.WholeNumber(0);
    // Issue 8 point 4: how long an activation stays redeemable, judged on the server's clock only.
    private readonly Option<int> _activationMinutes = new Option<int>("--activation-minutes")
    {
        Description = $"minutes an issued activation stays redeemable ({ModuleConfig.MinActivationMinutes}-{ModuleConfig.MaxActivationMinutes}, default {ModuleConfig.DefaultActivationMinutes})",
        DefaultValueFactory = _ => ModuleConfig.DefaultActivationMinutes,
    }.WholeNumber(ModuleConfig.MinActivationMinutes, ModuleConfig.MaxActivationMinutes);
    private readonly Option<string[]> _console = new("--console") { Description = "ID=desk|observer:PUBPEMFILE: a desk or observers' console and its public key (ECDSA P-256 PEM); repeatable" };
    private readonly Option<string> _out = new("--out") { Description = "file to write the signed module config to", Required = true };

    public string Name => "module configure";

    public string Description =>
        "Write the signed module config.\nThe server and terminals paired by TPM public key, officials with their cards' public keys, the verified package's hash.\n"
        + "example: vmre-provision module configure --module MRV-CHI --authority authority/authority.key --package election-package.json "
        + "--server-public chi/server-public.pem --slice slice-MRV-CHI.json --terminal T1=t1.pub.pem --official CRED-001:presidente:'Ana Ruiz':cards/CRED-001.pub.pem --out chi/module-config.json";

    public IEnumerable<Symbol> Symbols => [_module, _authority, _package, _serverPublic, _terminal, _official, _slice, _walkInCap, _activationMinutes, _console, _out];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var path = parsed.GetRequiredValue(_out);
        if (Directory.Exists(path)) return Refusal.Write(error, $"--out {path} is a directory, not a file");
        var authority = KeyFiles.LoadPrivate(parsed.GetRequiredValue(_authority), KeyRole.Authority);
        if (!authority.IsOk) return Refusal.Write(error, "--authority: " + authority.Error);
        var package = parsed.GetRequiredValue(_package);
        if (InputFile.Problem(package, "election package") is { } packageProblem) return Refusal.Write(error, packageProblem);
        var slicePath = parsed.GetRequiredValue(_slice);
        if (InputFile.Problem(slicePath, "LNERE slice") is { } sliceProblem) return Refusal.Write(error, sliceProblem);

        var serverPublic = KeyFiles.LoadPublic(parsed.GetRequiredValue(_serverPublic));
        if (!serverPublic.IsOk) return Refusal.Write(error, "--server-public: " + serverPublic.Error);
        var request = new ModuleConfigRequest(parsed.GetRequiredValue(_module), package,
            parsed.GetValue(_terminal) ?? [], parsed.GetValue(_official) ?? [], parsed.GetValue(_walkInCap), slicePath,
            parsed.GetValue(_activationMinutes), parsed.GetValue(_console) ?? []);
        var config = ModuleConfigBuilder.Build(request, authority.Value!, serverPublic.Value!);
        if (!config.IsOk) return Refusal.Write(error, config.Error!);
        var signed = SignedDocument.Create(DocumentKinds.ModuleConfig, config.Value!, authority.Value!);
        signed.WriteFile(path);
        var c = config.Value!;
        output.WriteLine($"wrote {path}: module config for {c.ModuleId} {c.Name} ({c.TimeZone})");
        output.WriteLine($"  module server key: {serverPublic.Value!.KeyId} (in the server's TPM)");
        output.WriteLine($"  election {c.ElectionId}, package hash {c.PackageHash}");
        output.WriteLine($"  terminals: {(c.Terminals.Count == 0 ? "none" : string.Join(", ", c.Terminals.Select(t => t.TerminalId)))}");
        output.WriteLine($"  officials: {(c.Officials.Count == 0 ? "none" : string.Join(", ", c.Officials.Select(o => $"{o.CredentialId} {o.Role.ToString().ToLowerInvariant()}")))}");
        output.WriteLine($"  consoles: {(c.Consoles!.Count == 0 ? "none" : string.Join(", ", c.Consoles.Select(k => $"{k.ConsoleId} {k.Role.ToString().ToLowerInvariant()}")))}");
        output.WriteLine($"  walk-in cap: {c.WalkInCap}");
        output.WriteLine($"  activations redeemable for {c.ActivationMinutes} minutes");
        output.WriteLine($"  LNERE slice: {c.SliceHash}");
        return ExitCode.Ok;
    }
}
