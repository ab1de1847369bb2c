using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Vmre.Common.Lan;
using PublicKey = Vmre.Common.Signing.PublicKey;

namespace Vmre.Common.Tests.Lan;

/// <summary>
/// The example leaf and device key printed in docs/formats/lan-certificate.md, read back from the
/// page: the checker accepts it under that key and refuses it under another, so the page cannot
/// show a certificate the code would not take (rules.md E5).
/// </summary>
public sealed partial class LanCertificateExampleTests
{
    [Fact]
    public void The_pages_example_leaf_proves_T_CHI_01_under_the_pages_device_key()
    {
        var page = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "formats", "lan-certificate.md"));
        var leaf = X509Certificate2.CreateFromPem(Block(page, "CERTIFICATE"));
        var deviceKey = PublicKey.FromPem(Block(page, "PUBLIC KEY"));

        var pinned = new PairedPeers(new Dictionary<string, PublicKey> { ["T-CHI-01"] = deviceKey });
        Assert.Equal(new LanPeer("T-CHI-01"), pinned.Identify(leaf).ValueOrThrow());
        Assert.Equal(new DateTime(2027, 6, 5, 12, 0, 0, DateTimeKind.Utc), leaf.NotBefore.ToUniversalTime());

        var otherKey = PublicKey.FromPem(Vmre.Common.Signing.SoftwareSigningKey.Generate().PublicKeyPem);
        var repinned = new PairedPeers(new Dictionary<string, PublicKey> { ["T-CHI-01"] = otherKey });
        Assert.Equal("not signed by the key paired with T-CHI-01", repinned.Identify(leaf).Error);
    }

    private static string Block(string page, string label) =>
        PemBlock().Matches(page).Select(m => m.Value).Single(b => b.StartsWith($"-----BEGIN {label}-----"));

    [GeneratedRegex("-----BEGIN ([A-Z ]+)-----[A-Za-z0-9+/=\\s]+-----END \\1-----")]
    private static partial Regex PemBlock();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Vmre.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Vmre.sln not found above " + AppContext.BaseDirectory);
    }
}
