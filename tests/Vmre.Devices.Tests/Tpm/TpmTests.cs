using System.Security.Cryptography;
using Vmre.HardwareSim.Tpm;
using Vmre.Devices.Tpm;

namespace Vmre.Devices.Tests.Tpm;

/// <summary>The device TPM binding through tpm2-tss FAPI against a real swtpm (brief section 4, rules.md R5).</summary>
public sealed class TpmTests(SwtpmFixture fixture) : IClassFixture<SwtpmFixture>
{
    private FapiTpm Tpm => fixture.Tpm;

    [Fact]
    public void Provisioning_is_idempotent()
    {
        Tpm.Provision();
        Tpm.Provision();
        Assert.Equal(16, Tpm.Random(16).Length);
    }

    [Fact]
    public void A_signature_over_a_digest_verifies_with_dotnet_ecdsa_and_the_returned_pem()
    {
        var pem = Tpm.CreateSigningKey("/HS/SRK/test-sign");
        Assert.Contains("BEGIN PUBLIC KEY", pem);
        Assert.Equal(pem.Trim(), Tpm.PublicKeyPem("/HS/SRK/test-sign").Trim());
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        Assert.Equal(256, key.KeySize);
        var digest = SHA256.HashData("testigo de prueba"u8);
        var signature = Tpm.SignDigest("/HS/SRK/test-sign", digest);
        Assert.Equal(0x30, signature[0]); // DER SEQUENCE
        Assert.True(key.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence));
        Assert.False(key.VerifyHash(SHA256.HashData("otro"u8), signature, DSASignatureFormat.Rfc3279DerSequence));
        Assert.Throws<TpmError>(() => Tpm.SignDigest("/HS/SRK/no-such-key", digest));
    }

    [Fact]
    public void The_device_signer_signs_documents_its_public_key_verifies()
    {
        Tpm.CreateSigningKey(TpmSigner.DeviceKeyPath);
        var signer = new TpmSigner(Tpm);
        var data = "{\"kind\":\"closing-record\"}"u8.ToArray();
        Assert.True(Common.Signing.PublicKey.FromPem(signer.PublicKeyPem).Verify(data, signer.Sign(data)));
    }

    [Fact]
    public void Seal_and_unseal_round_trip()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        Tpm.Seal("/HS/SRK/test-seal", secret);
        Assert.Equal(secret, Tpm.Unseal("/HS/SRK/test-seal"));
        Assert.Throws<TpmError>(() => Tpm.Seal("/HS/SRK/test-seal", secret));
    }

    [Fact]
    public void Another_tpm_cannot_unseal_the_first_ones_sealed_blob()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        Tpm.Seal("/HS/SRK/test-stolen", secret);
        using var dir = new TempDir();
        using var otherTpm = SwtpmInstance.Start(dir.Sub("other-swtpm"));
        // The other TPM is a working, provisioned chip with its own keystore...
        using (var own = new FapiTpm(new FapiConfig(dir.Sub("other-fapi"), otherTpm.Tcti))) own.Provision();
        // ...and the thief copies the first terminal's whole FAPI keystore next to it.
        var copy = dir.Sub("stolen-fapi");
        CopyTree(fixture.Config.StateDir, copy);
        using var thief = new FapiTpm(new FapiConfig(copy, otherTpm.Tcti));
        Assert.Throws<TpmError>(() => thief.Unseal("/HS/SRK/test-stolen"));
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to));
    }
}
