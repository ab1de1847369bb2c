using System.Security.Cryptography;
using Vmre.Common.Measurement;
using Vmre.Devices.Tpm;

namespace Vmre.Devices.Tests.Tpm;

/// <summary>
/// The TPM calls of the measured start against a real swtpm (issue 10 point 1): PCR 13, data
/// sealed to an explicit PCR value, a key whose use needs an auth value, an NV counter. Each test
/// uses its own swtpm, because PCR 13 only resets at a power cycle.
/// </summary>
public sealed class MeasuredTpmTests : IDisposable
{
    private static readonly MeasuredItem[] Items =
    [
        new("program", Hex("program bytes")), new("terminal-config", Hex("config")),
        new("module-config", Hex("module")), new("election-package", Hex("package")),
    ];
    private readonly SwtpmFixture _fixture = new();
    private FapiTpm Tpm => _fixture.Tpm;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Extending_the_items_gives_exactly_the_expected_pcr()
    {
        Assert.Equal(new byte[32], Tpm.PcrRead(MeasurementList.Pcr));
        foreach (var item in Items) Tpm.PcrExtend(MeasurementList.Pcr, item.Digest());
        Assert.Equal(Convert.ToHexStringLower(MeasurementList.ExpectedPcr(Items)), Convert.ToHexStringLower(Tpm.PcrRead(MeasurementList.Pcr)));
        // And the fold is not a trivial one: one item less or one more gives another value.
        Assert.NotEqual(MeasurementList.ExpectedPcr(Items[..3]), Tpm.PcrRead(MeasurementList.Pcr));
    }

    [Fact]
    public void Data_sealed_to_the_expected_value_unseals_only_in_that_state()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        Tpm.SealToPcr("/HS/SRK/sealed", secret, MeasurementList.Pcr, MeasurementList.ExpectedPcr(Items));
        var early = Assert.Throws<TpmError>(() => Tpm.Unseal("/HS/SRK/sealed"));
        Assert.True(early.IsPolicyFailure, early.Message);
        foreach (var item in Items) Tpm.PcrExtend(MeasurementList.Pcr, item.Digest());
        Assert.Equal(secret, Tpm.Unseal("/HS/SRK/sealed"));
        Tpm.PcrExtend(MeasurementList.Pcr, MeasurementList.ClosingValue);
        var closed = Assert.Throws<TpmError>(() => Tpm.Unseal("/HS/SRK/sealed"));
        Assert.True(closed.IsPolicyFailure, closed.Message);
        // Another failure is not a policy failure.
        Assert.False(Assert.Throws<TpmError>(() => Tpm.Unseal("/HS/SRK/no-such")).IsPolicyFailure);
    }

    [Fact]
    public void A_key_with_an_auth_value_signs_only_after_UseAuth_with_that_value()
    {
        var pem = Tpm.CreateSigningKey("/HS/SRK/authed", "first-auth");
        Assert.Equal(pem.Trim(), Tpm.PublicKeyPem("/HS/SRK/authed").Trim()); // no auth needed for the public part
        var digest = SHA256.HashData("closing record"u8);
        Assert.True(Assert.Throws<TpmError>(() => Tpm.SignDigest("/HS/SRK/authed", digest)).IsAuthFailure);
        Tpm.UseAuth("/HS/SRK/authed", "wrong");
        Assert.True(Assert.Throws<TpmError>(() => Tpm.SignDigest("/HS/SRK/authed", digest)).IsAuthFailure);
        Tpm.UseAuth("/HS/SRK/authed", "first-auth");
        Assert.True(Verifies(pem, digest, Tpm.SignDigest("/HS/SRK/authed", digest)));
        Tpm.ChangeAuth("/HS/SRK/authed", "second-auth");
        Assert.True(Verifies(pem, digest, Tpm.SignDigest("/HS/SRK/authed", digest)));
        Tpm.UseAuth("/HS/SRK/authed", "first-auth");
        Assert.True(Assert.Throws<TpmError>(() => Tpm.SignDigest("/HS/SRK/authed", digest)).IsAuthFailure);
    }

    [Fact]
    public void A_counter_increments_by_one_and_reads_back()
    {
        Tpm.CreateCounter("/nv/Owner/epoch", "counter-auth");
        var start = Tpm.ReadCounter("/nv/Owner/epoch");
        Assert.Equal(start + 1, Tpm.IncrementCounter("/nv/Owner/epoch"));
        Assert.Equal(start + 1, Tpm.ReadCounter("/nv/Owner/epoch"));
        using var other = new FapiTpm(_fixture.Config);
        Assert.True(Assert.Throws<TpmError>(() => other.IncrementCounter("/nv/Owner/epoch")).IsAuthFailure);
        other.UseAuth("/nv/Owner/epoch", "counter-auth");
        Assert.Equal(start + 2, other.IncrementCounter("/nv/Owner/epoch"));
        Tpm.Delete("/nv/Owner/epoch");
        Assert.Throws<TpmError>(() => Tpm.ReadCounter("/nv/Owner/epoch"));
    }

    [Fact]
    public void Another_process_cannot_unseal_after_the_closing_value_even_extending_the_same_digests_nor_sign_without_the_auth()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        Tpm.SealToPcr("/HS/SRK/master", secret, MeasurementList.Pcr, MeasurementList.ExpectedPcr(Items));
        Tpm.CreateSigningKey("/HS/SRK/device", "device-auth");
        foreach (var item in Items) Tpm.PcrExtend(MeasurementList.Pcr, item.Digest());
        Assert.Equal(secret, Tpm.Unseal("/HS/SRK/master"));
        Tpm.PcrExtend(MeasurementList.Pcr, MeasurementList.ClosingValue);

        // "Another process": a second FAPI context on the same keystore and TPM.
        using var attacker = new FapiTpm(_fixture.Config);
        foreach (var item in Items) attacker.PcrExtend(MeasurementList.Pcr, item.Digest());
        Assert.True(Assert.Throws<TpmError>(() => attacker.Unseal("/HS/SRK/master")).IsPolicyFailure);
        var digest = SHA256.HashData("a forged closing record"u8);
        Assert.True(Assert.Throws<TpmError>(() => attacker.SignDigest("/HS/SRK/device", digest)).IsAuthFailure);
    }

    [Fact]
    public void Two_secrets_sealed_to_one_value_share_the_imported_policy_and_both_unseal()
    {
        Tpm.SealToPcr("/HS/SRK/one", [1], MeasurementList.Pcr, MeasurementList.ExpectedPcr(Items));
        Tpm.SealToPcr("/HS/SRK/two", [2], MeasurementList.Pcr, MeasurementList.ExpectedPcr(Items));
        foreach (var item in Items) Tpm.PcrExtend(MeasurementList.Pcr, item.Digest());
        Assert.Equal((byte[])[1], Tpm.Unseal("/HS/SRK/one"));
        Assert.Equal((byte[])[2], Tpm.Unseal("/HS/SRK/two"));
    }

    private static bool Verifies(string pem, byte[] digest, byte[] signature)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
