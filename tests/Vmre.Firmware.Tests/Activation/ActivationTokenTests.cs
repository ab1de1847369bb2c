using System.Security.Cryptography;
using CsCheck;
using Vmre.Firmware.Activation;
using Vmre.Firmware.Text;

using Vmre.Firmware.Tests.Support;

namespace Vmre.Firmware.Tests.Activation;

/// <summary>Activation token v2 (docs/formats/activation-token.md): the golden vector and every refusal.</summary>
public class ActivationTokenTests
{
    const string Nonce = "00112233445566778899aabbccddeeff";
    // The package id of the golden election package (vectors/election-package.payload.json).
    const string PackageHash = "a476d09b9e33b9edd4805f032aa0df2200ffac31e808275271e02b6f195bd36a";
    const string PackageId = "a476d09b9e33b9ed";
    const string UnsignedGolden = "VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|00112233445566778899aabbccddeeff";
    static readonly byte[] TinyDer = { 0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02 };
    const string Golden = UnsignedGolden + "|MAYCAQECAQI";

    [Fact]
    public void Unsigned_golden_vector() => Assert.Equal(UnsignedGolden, ActivationToken.Unsigned("MRV-CHI", PackageId, "05", Nonce));

    [Fact]
    public void With_signature_golden_vector() => Assert.Equal(Golden, ActivationToken.WithSignature(UnsignedGolden, TinyDer));

    [Fact]
    public void Decodes_golden_vector()
    {
        var r = ActivationTokenDecoder.Decode(Golden);
        Assert.True(r.Ok, r.Reason);
        Assert.Equal("MRV-CHI", r.Token.ModuleId);
        Assert.Equal(PackageId, r.Token.PackageId);
        Assert.Equal("05", r.Token.BallotStyle);
        Assert.Equal(Nonce, r.Token.Nonce);
        Assert.Equal(UnsignedGolden, r.Token.SignedPart);
        Assert.Equal(TinyDer, r.Token.Signature);
        Assert.Equal(Golden, r.Token.Encode());
    }

    [Fact]
    public void Host_signs_and_verifies_with_real_p256_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        for (int i = 0; i < 50; i++)
        {
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            var unsigned = ActivationToken.Unsigned("MRV-MAD", PackageId, "15", nonce);
            var sig = key.SignData(System.Text.Encoding.UTF8.GetBytes(unsigned), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            var token = ActivationToken.WithSignature(unsigned, sig);
            var r = ActivationTokenDecoder.Decode(token);
            Assert.True(r.Ok, r.Reason);
            Assert.True(key.VerifyData(System.Text.Encoding.UTF8.GetBytes(r.Token.SignedPart), r.Token.Signature,
                HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }
    }

    [Theory]
    [InlineData(null, ActivationReasons.Empty)]
    [InlineData("", ActivationReasons.Empty)]
    [InlineData("VMRE-A1|MRV-CHI|05|00112233445566778899aabbccddeeff|MAYCAQECAQI", ActivationReasons.RetiredV1)]
    [InlineData("VMRE-A3|MRV-CHI|a476d09b9e33b9ed|05|00112233445566778899aabbccddeeff|MAYCAQECAQI", ActivationReasons.UnknownTag)]
    [InlineData("VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|00112233445566778899aabbccddeeff", ActivationReasons.FieldCount)]
    [InlineData("VMRE-A2|MRV-CHI|05|00112233445566778899aabbccddeeff|MAYCAQECAQI", ActivationReasons.FieldCount)]
    [InlineData("VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|00112233445566778899aabbccddeeff|MAYCAQECAQI|X", ActivationReasons.FieldCount)]
    [InlineData("VMRE-A2|mrv-chi|a476d09b9e33b9ed|05|00112233445566778899aabbccddeeff|MAYCAQECAQI", ActivationReasons.BadModuleId)]
    [InlineData("VMRE-A2||a476d09b9e33b9ed|05|00112233445566778899aabbccddeeff|MAYCAQECAQI", ActivationReasons.BadModuleId)]
    [InlineData("VMRE-A2|MRV-CHI|A476D09B9E33B9ED|05|00112233445566778899aabbccddeeff|MAYCAQECAQI", ActivationReasons.BadPackageId)]
    [InlineData("VMRE-A2|MRV-CHI|a476d09b9e33b9e|05|00112233445566778899aabbccddeeff|MAYCAQECAQI", ActivationReasons.BadPackageId)]
    [InlineData("VMRE-A2|MRV-CHI||05|00112233445566778899aabbccddeeff|MAYCAQECAQI", ActivationReasons.BadPackageId)]
    [InlineData("VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05X.|00112233445566778899aabbccddeeff|MAYCAQECAQI", ActivationReasons.BadStyle)]
    [InlineData("VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|00112233445566778899AABBCCDDEEFF|MAYCAQECAQI", ActivationReasons.BadNonce)]
    [InlineData("VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|00112233445566778899aabbccddeef|MAYCAQECAQI", ActivationReasons.BadNonce)]
    [InlineData("VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|00112233445566778899aabbccddeeff|", ActivationReasons.BadSignatureEncoding)]
    [InlineData("VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|00112233445566778899aabbccddeeff|MAYCAQECAQI=", ActivationReasons.BadSignatureEncoding)]
    [InlineData("VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|00112233445566778899aabbccddeeff|MAYCAQECAQJ", ActivationReasons.BadSignatureEncoding)]
    [InlineData("VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|00112233445566778899aabbccddeeff|MAYCAQECAQ+", ActivationReasons.BadSignatureEncoding)]
    [InlineData("VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|00112233445566778899aabbccddeeff|AAAAAAAAAAA", ActivationReasons.BadSignatureDer)]
    public void Rejects_with_specific_reason(string? text, string reason)
    {
        var r = ActivationTokenDecoder.Decode(text!);
        Assert.False(r.Ok);
        Assert.Equal(reason, r.Reason);
    }

    [Fact]
    public void Rejects_over_256_chars() =>
        Assert.Equal(ActivationReasons.TooLong, ActivationTokenDecoder.Decode(Golden + new string('A', 256)).Reason);

    [Theory]
    [InlineData(new byte[] { 0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x02 })] // negative r
    [InlineData(new byte[] { 0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x02 })] // non-minimal r
    [InlineData(new byte[] { 0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02, 0x00 })] // trailing byte
    [InlineData(new byte[] { 0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02 })] // not a SEQUENCE
    public void RejectsMalformedDer(byte[] der) =>
        Assert.Equal(ActivationReasons.BadSignatureDer,
            ActivationTokenDecoder.Decode(UnsignedGolden + "|" + Base64Url.Encode(der)).Reason);

    [Fact]
    public void Unsigned_refuses_bad_fields_by_throwing()
    {
        Assert.Throws<ArgumentException>(() => ActivationToken.Unsigned("MRV CHI", PackageId, "05", Nonce));
        Assert.Throws<ArgumentException>(() => ActivationToken.Unsigned("MRV-CHI", "a476", "05", Nonce));
        Assert.Throws<ArgumentException>(() => ActivationToken.Unsigned("MRV-CHI", PackageId, "05", "nonce"));
        Assert.Throws<ArgumentException>(() => ActivationToken.WithSignature(UnsignedGolden, new byte[] { 1, 2, 3 }));
    }

    static readonly Gen<string> ValidTokens =
        Gen.Select(Generators.ModuleId, Generators.PackageId, Generators.Style, Generators.Nonce, Gen.Byte.Array[1, 32].Select(Gen.Byte.Array[1, 32]),
            (m, p, s, n, rs) => ActivationToken.WithSignature(ActivationToken.Unsigned(m, p, s, n), Der(rs.Item1, rs.Item2)));

    [Fact]
    public void Package_id_is_the_first_16_hex_of_the_package_hash()
    {
        Assert.Equal(PackageId, ActivationToken.PackageIdOf(PackageHash));
        Assert.Throws<ArgumentException>(() => ActivationToken.PackageIdOf(PackageHash.ToUpperInvariant()));
        Assert.Throws<ArgumentException>(() => ActivationToken.PackageIdOf(PackageId));
    }

    static byte[] Der(byte[] r, byte[] s)
    {
        static byte[] Int(byte[] v)
        {
            var t = v.SkipWhile(b => b == 0).ToArray();
            if (t.Length == 0) t = new byte[] { 0 };
            if ((t[0] & 0x80) != 0) t = new byte[] { 0 }.Concat(t).ToArray();
            return new byte[] { 0x02, (byte)t.Length }.Concat(t).ToArray();
        }
        var body = Int(r).Concat(Int(s)).ToArray();
        return new byte[] { 0x30, (byte)body.Length }.Concat(body).ToArray();
    }

    [Fact]
    public void Round_trips_generated_tokens() =>
        ValidTokens.Sample(t =>
        {
            var r = ActivationTokenDecoder.Decode(t);
            Assert.True(r.Ok, r.Reason);
            Assert.Equal(t, r.Token.Encode());
        }, iter: 3000);

    [Fact]
    public void Decoder_never_throws_and_accepts_only_canonical_texts()
    {
        Gen.String.Sample(s => { ActivationTokenDecoder.Decode(s); }, iter: 3000);
        Generators.Mutated(ValidTokens).Sample(s =>
        {
            var r = ActivationTokenDecoder.Decode(s);
            if (r.Ok) Assert.Equal(s, r.Token.Encode());
        }, iter: 5000);
    }
}
