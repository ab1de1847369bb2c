using System.Text;
using Vmre.Audit.Documents;
using Vmre.Common.Election;
using Vmre.Common.Signing;
using Vmre.Provisioning.Authority;
using Vmre.Provisioning.ElectionPackages;

namespace Vmre.Provisioning.Tests.ElectionPackages;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

public class ElectionPackageTests : IDisposable
{
    private readonly Fixture _f = new();

    public void Dispose() => _f.Dispose();

    private PublicKey Authority => KeyFiles.LoadPublic(_f.Pub).ValueOrThrow();

    [Fact]
    public void Built_package_verifies_and_round_trips()
    {
        var opened = ElectionPackageFile.Open(_f.Package, Authority);
        Assert.True(opened.IsOk, opened.Error);
        var package = opened.Value!.Package;
        var demo = DemoElection.Pel2023();
        Assert.Equal("PEL-2022-2023-VMRE", package.ElectionId);
        Assert.Equal(demo.Parties, package.Parties);
        Assert.Equal(["Manolo Jiménez Salinas", "Ricardo Mejía Berdeja", "Lenin Pérez Rivera", "Armando Guadiana Tijerina"],
            package.Contest("GOB-05").Candidacies.Select(c => c.Candidate));
        Assert.Equal(["GOB-15"], package.StyleForEntidad("15")!.ContestIds);
        var envelope = SignedDocument.ReadFile(_f.Package).ValueOrThrow();
        Assert.Equal(PackageHash.Of(envelope.PayloadBytes()), opened.Value.Hash);

        var verify = Cli.Run("verify", "--authority-pub", _f.Pub, _f.Package);
        Assert.Equal(0, verify.Exit);
        Assert.Contains("OK", verify.Out);
        Assert.Contains(opened.Value.Hash, verify.Out);
        var show = Cli.Run("package", "show", _f.Package, "--authority-pub", _f.Pub);
        Assert.Equal(0, show.Exit);
        Assert.Contains(opened.Value.Hash, show.Out);
    }

    [Fact]
    public void Tampered_payload_is_refused()
    {
        var envelope = SignedDocument.ReadFile(_f.Package).ValueOrThrow();
        var json = Encoding.UTF8.GetString(envelope.PayloadBytes()).Replace("Delfina Gómez Álvarez", "Delfina Gómez Alvarez");
        var tampered = envelope with { Payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(json)) };
        var opened = ElectionPackageFile.Open(tampered, Authority);
        Assert.Equal("bad signature on election-package", opened.Error);
    }

    [Fact]
    public void Tampered_signature_is_refused()
    {
        var envelope = SignedDocument.ReadFile(_f.Package).ValueOrThrow();
        var signature = Convert.FromBase64String(envelope.Signature);
        signature[^1] ^= 0x01;
        var path = _f.Dir.File("tampered.json");
        (envelope with { Signature = Convert.ToBase64String(signature) }).WriteFile(path);
        var run = Cli.Run("verify", "--authority-pub", _f.Pub, path);
        Assert.Equal(1, run.Exit);
        Assert.Contains("FAIL", run.Out);
        Assert.Contains("bad signature on election-package", run.Out);
    }

    [Fact]
    public void Another_authority_is_refused_by_key_id()
    {
        var other = SoftwareSigningKey.Generate();
        var path = _f.Dir.File("other.json");
        ElectionPackageFile.Sign(DemoElection.Pel2023(), other).WriteFile(path);
        var opened = ElectionPackageFile.Open(path, Authority);
        Assert.Equal($"signed by key {other.KeyId}, expected {Authority.KeyId}", opened.Error);
    }

    [Fact]
    public void Wrong_kind_is_refused()
    {
        var key = KeyFiles.LoadPrivate(_f.Key, KeyRole.Authority).ValueOrThrow();
        var envelope = SignedDocument.Create("lnere-slice", DemoElection.Pel2023(), key);
        Assert.Equal("expected a election-package document, got 'lnere-slice'", ElectionPackageFile.Open(envelope, Authority).Error);
    }
}
