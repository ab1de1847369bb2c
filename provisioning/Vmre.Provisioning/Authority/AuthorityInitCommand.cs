using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Provisioning.Cli;

namespace Vmre.Provisioning.Authority;

/// <summary>
/// `authority init`: the signing key every package, slice and module config is checked
/// against (brief rule 5). Never overwrites an existing key: losing it would orphan
/// everything it signed.
/// </summary>
public sealed class AuthorityInitCommand : ICommand
{
    public const string KeyFile = "authority.key";
    public const string PublicFile = "authority.pub.pem";

    public CommandSpec Spec { get; } = new(
        "authority init",
        "Generate the authority's ECDSA P-256 signing key pair.\nWrites DIR/authority.key (PKCS#8 PEM, mode 0600) and DIR/authority.pub.pem (for auditors and devices).",
        [OptionSpec.Need("--out", "directory to write the key pair into (created if missing)")],
        Example: "vmre-provision authority init --out ./authority");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var dir = args.Value("--out");
        var keyPath = Path.Combine(dir, KeyFile);
        var pubPath = Path.Combine(dir, PublicFile);
        if (File.Exists(keyPath)) return Refusal.Write(error, $"{keyPath} already exists; an authority key is never overwritten");
        Directory.CreateDirectory(dir);
        var key = SoftwareSigningKey.Generate();
        key.Save(keyPath);
        AtomicFile.WriteText(pubPath, key.PublicKeyPem);
        output.WriteLine($"wrote {keyPath} (private, mode 0600)");
        output.WriteLine($"wrote {pubPath}");
        output.WriteLine($"key id {key.KeyId}");
        return ExitCode.Ok;
    }
}
