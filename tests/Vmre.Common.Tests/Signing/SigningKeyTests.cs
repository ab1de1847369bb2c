using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Vmre.Common.Signing;
using Vmre.Common.Tests.Support;

namespace Vmre.Common.Tests.Signing;

/// <summary>rules.md R5: VMRE keys are ECDSA P-256; key files are private to their owner.</summary>
public class SigningKeyTests
{
    [Fact]
    public void Key_id_is_sixteen_lowercase_hex()
    {
        var key = SoftwareSigningKey.Generate();
        Assert.Matches(new Regex("^[0-9a-f]{16}$"), key.KeyId);
        Assert.Equal(key.KeyId, PublicKey.FromPem(key.PublicKeyPem).KeyId);
    }

    [Fact]
    public void Key_id_is_stable_across_save_and_load()
    {
        using var dir = new TempDir();
        var key = SoftwareSigningKey.Generate();
        key.Save(dir.File("authority.key.pem"));
        var loaded = SoftwareSigningKey.Load(dir.File("authority.key.pem"));
        Assert.Equal(key.KeyId, loaded.KeyId);
        Assert.Equal(key.PublicKeyPem, loaded.PublicKeyPem);
    }

    [Fact]
    public void Loaded_key_signs_what_the_original_public_key_verifies()
    {
        using var dir = new TempDir();
        var key = SoftwareSigningKey.Generate();
        key.Save(dir.File("k.pem"));
        var doc = SignedDocument.Create("log-seal", new { head = "abc" }, SoftwareSigningKey.Load(dir.File("k.pem")));
        Assert.True(PublicKey.FromPem(key.PublicKeyPem).Verify(doc.PayloadBytes(), Convert.FromBase64String(doc.Signature)));
    }

    [Fact]
    public void Save_writes_mode_0600()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var path = dir.File("authority.key.pem");
        SoftwareSigningKey.Generate().Save(path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Save_over_a_world_readable_file_tightens_it()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var path = dir.File("authority.key.pem");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        SoftwareSigningKey.Generate().Save(path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path));
    }

    [Fact]
    public void Public_key_rejects_p384()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<CryptographicException>(() => PublicKey.FromPem(p384.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Public_key_rejects_a_256_bit_curve_that_is_not_p256()
    {
        ECDsa brainpool;
        try { brainpool = ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1); }
        catch (PlatformNotSupportedException) { return; } // the platform's crypto lacks the curve
        using (brainpool)
            Assert.Throws<CryptographicException>(() => PublicKey.FromPem(brainpool.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Public_key_rejects_rsa()
    {
        using var rsa = RSA.Create(2048);
        Assert.ThrowsAny<Exception>(() => PublicKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem()));
    }
}
