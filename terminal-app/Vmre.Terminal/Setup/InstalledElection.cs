using Vmre.Common.Election;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Terminal.Setup;

/// <summary>
/// What the technician installed on the terminal, verified at every start against the
/// authority key (rules.md R5): the election package and the module configuration that
/// pairs this terminal (by its TPM public key) with its module server.
/// </summary>
public sealed record InstalledElection(
    ElectionPackage Package, string PackageHash, ModuleConfig Module, PublicKey ServerKey)
{
    public const string AuthorityKeyFile = "authority.pub.pem";
    public const string PackageFile = "election-package.signed.json";
    public const string ModuleConfigFile = "module-config.signed.json";

    public static Parsed<InstalledElection> Load(string dataDir, TerminalIdentity identity)
    {
        var authorityPath = Path.Combine(dataDir, AuthorityKeyFile);
        if (!File.Exists(authorityPath)) return Parsed<InstalledElection>.Fail($"no authority key installed ({authorityPath})");
        var authority = PublicKey.FromPem(File.ReadAllText(authorityPath));

        var packageDoc = SignedDocument.ReadFile(Path.Combine(dataDir, PackageFile));
        if (!packageDoc.IsOk) return Parsed<InstalledElection>.Fail("election package: " + packageDoc.Error);
        var package = packageDoc.Value!.Open<ElectionPackage>(DocumentKinds.ElectionPackage, authority);
        if (!package.IsOk) return Parsed<InstalledElection>.Fail("election package: " + package.Error);
        var hash = Vmre.Common.Election.PackageHash.Of(packageDoc.Value.PayloadBytes());

        var moduleDoc = SignedDocument.ReadFile(Path.Combine(dataDir, ModuleConfigFile));
        if (!moduleDoc.IsOk) return Parsed<InstalledElection>.Fail("module config: " + moduleDoc.Error);
        var module = ModuleConfigCheck.Open(moduleDoc.Value!, authority);
        if (!module.IsOk)
            return Parsed<InstalledElection>.Fail(module.Error!.StartsWith("module config", StringComparison.Ordinal) ? module.Error! : "module config: " + module.Error);

        var config = module.Value!;
        if (config.PackageHash != hash)
            return Parsed<InstalledElection>.Fail("module config names another election package");
        var me = config.Terminal(identity.TerminalId);
        if (me is null) return Parsed<InstalledElection>.Fail($"terminal {identity.TerminalId} is not paired with module {config.ModuleId}");
        if (PublicKey.FromPem(me.PublicKeyPem).KeyId != PublicKey.FromPem(identity.PublicKeyPem).KeyId)
            return Parsed<InstalledElection>.Fail("module config pairs this terminal id with another device key");
        return Parsed<InstalledElection>.Ok(new InstalledElection(package.Value!, hash, config, PublicKey.FromPem(config.ServerPublicKeyPem)));
    }
}
