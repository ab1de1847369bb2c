using System.CommandLine;
using Vmre.Cli;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Provisioning.Authority;

/// <summary>
/// `authority init`: the signing key every package, slice and module config is checked
/// against (rules.md R5). Never overwrites an existing key: losing it would orphan
/// everything it signed. The key file carries its role (<see cref="KeyRole.Authority"/>).
/// </summary>
public sealed class AuthorityInitCommand : ICommand
{
    public const string KeyFile = "authority.key";
    public const string PublicFile = "authority.pub.pem";

    private readonly Option<string> _out = new("--out") { Description = "directory to write the key pair into (created if missing)", Required = true };

    public string Name => "authority init";

    public string Description =>
        "Generate the authority's ECDSA P-256 signing key pair.\n"
        + "Writes DIR/authority.key (PKCS#8 PEM labelled with its role, mode 0600) and DIR/authority.pub.pem (for auditors and devices).\n"
        + "example: vmre-provision authority init --out ./authority";

    public IEnumerable<Symbol> Symbols => [_out];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var dir = parsed.GetRequiredValue(_out);
        var keyPath = Path.Combine(dir, KeyFile);
        var pubPath = Path.Combine(dir, PublicFile);
        if (File.Exists(keyPath)) return Refusal.Write(error, $"{keyPath} already exists; an authority key is never overwritten");
        if (File.Exists(dir)) return Refusal.Write(error, $"--out {dir} is a file, not a directory");
        var key = SoftwareSigningKey.Generate();
        // The public half first: a run stopped between the two leaves no private key that has no public one.
        AtomicFile.WriteText(pubPath, key.PublicKeyPem);
        if (!KeyFiles.SavePrivate(key, keyPath, KeyRole.Authority))
            return Refusal.Write(error, $"{keyPath} already exists; an authority key is never overwritten");
        output.WriteLine($"wrote {keyPath} (private, mode 0600)");
        output.WriteLine($"wrote {pubPath}");
        output.WriteLine($"key id {key.KeyId}");
        return ExitCode.Ok;
    }
}
