using System.Globalization;
using Vmre.Common.Signing;
using Vmre.Provisioning.Authority;
using Vmre.Provisioning.Cli;

namespace Vmre.Provisioning.Modules;

/// <summary>
/// `module configure`: generate the module server's key and write its signed configuration
/// (docs/formats/module-config.md). Nothing is written unless every part checks out.
/// </summary>
public sealed class ModuleConfigureCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "module configure",
        "Generate a module server key and write the signed module config.\nTerminals paired by TPM public key, officials with PIN verifiers, the verified package's hash.",
        [
            OptionSpec.Need("--module", $"module id: {PilotModules.Known}"),
            OptionSpec.Need("--authority", "the authority's private key (authority.key)"),
            OptionSpec.Need("--package", "the signed election package the module will run"),
            OptionSpec.Need("--server-key-out", "where to write the new module server key (PKCS#8 PEM, 0600; never overwritten)"),
            OptionSpec.Many("--terminal", "ID=PUBPEMFILE: a terminal and its TPM public key (ECDSA P-256 PEM)"),
            OptionSpec.Many("--official", "CREDID:ROLE:NAME:PIN; ROLE presidente|secretario|escrutador|technician|observer; PIN 4-8 digits"),
            OptionSpec.Need("--slice", "the module's signed LNERE slice; its hash is pinned in the config (brief rule 5)"),
            OptionSpec.May("--walk-in-cap", "walk-in voters allowed at this module (default 0)"),
            OptionSpec.Need("--out", "file to write the signed module config to"),
        ],
        Example: "vmre-provision module configure --module MRV-CHI --authority authority/authority.key --package election-package.json "
                 + "--server-key-out chi/server.key --slice slice-MRV-CHI.json --terminal T1=t1.pub.pem --official CRED-001:presidente:'Ana Ruiz':482913 --out chi/module-config.json");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var cap = 0;
        if (args.Optional("--walk-in-cap") is { } capText && !int.TryParse(capText, NumberStyles.None, CultureInfo.InvariantCulture, out cap))
            return Refusal.Usage(error, Spec, $"--walk-in-cap must be a whole number, got '{capText}'");
        var serverKeyPath = args.Value("--server-key-out");
        if (File.Exists(serverKeyPath)) return Refusal.Write(error, $"{serverKeyPath} already exists; a server key is never overwritten");
        var authority = KeyFiles.LoadPrivate(args.Value("--authority"));
        if (!authority.IsOk) return Refusal.Write(error, authority.Error!);

        var serverKey = SoftwareSigningKey.Generate();
        var request = new ModuleConfigRequest(args.Value("--module"), args.Value("--package"),
            args.All("--terminal"), args.All("--official"), cap, args.Value("--slice"));
        var config = ModuleConfigBuilder.Build(request, authority.Value!, serverKey);
        if (!config.IsOk) return Refusal.Write(error, config.Error!);

        var serverDir = Path.GetDirectoryName(Path.GetFullPath(serverKeyPath))!;
        Directory.CreateDirectory(serverDir);
        serverKey.Save(serverKeyPath);
        var path = args.Value("--out");
        SignedDocument.Create(DocumentKinds.ModuleConfig, config.Value!, authority.Value!).WriteFile(path);
        var c = config.Value!;
        output.WriteLine($"wrote {serverKeyPath}: module server key {serverKey.KeyId} (private, mode 0600)");
        output.WriteLine($"wrote {path}: module config for {c.ModuleId} {c.Name} ({c.TimeZone})");
        output.WriteLine($"  election {c.ElectionId}, package hash {c.PackageHash}");
        output.WriteLine($"  terminals: {(c.Terminals.Count == 0 ? "none" : string.Join(", ", c.Terminals.Select(t => t.TerminalId)))}");
        output.WriteLine($"  officials: {(c.Officials.Count == 0 ? "none" : string.Join(", ", c.Officials.Select(o => $"{o.CredentialId} {o.Role.ToString().ToLowerInvariant()}")))}");
        output.WriteLine($"  walk-in cap: {c.WalkInCap}");
        output.WriteLine($"  LNERE slice: {c.SliceHash}");
        return ExitCode.Ok;
    }
}
