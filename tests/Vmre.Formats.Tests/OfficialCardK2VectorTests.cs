using System.Security.Cryptography;
using System.Text.Json;
using Vmre.Common.Cards;
using Vmre.Common.Signing;

namespace Vmre.Formats.Tests;

/// <summary>
/// Pins docs/formats/official-card.md v2 (VMRE-K2): the signed statement's bytes and the proof
/// check, against a vector made by Python's cryptography package from the page alone
/// (vectors/official-card-k2.py), never by the C# code under test.
/// </summary>
public class OfficialCardK2VectorTests
{
    private static readonly JsonElement Vector = JsonDocument.Parse(Vectors.Bytes("official-card-k2-PRES-01.json")).RootElement;

    private static string Field(string name) => Vector.GetProperty(name).GetString()!;

    private static byte[] Hex(string name) => Convert.FromHexString(Field(name));

    private static CardChallenge Challenge => CardChallenge.From(Hex("challenge"));

    private static PublicKey CardKey => PublicKey.FromPem(Field("publicKeyPem"));

    private static CardAnswer Accepted => new("PRES-01", CardVerdict.PinAccepted, Hex("authenticateSignature"));

    private static CardAnswer Present => new("PRES-01", CardVerdict.Present, Hex("presenceSignature"));

    [Fact]
    public void The_statement_bytes_are_the_vectors()
    {
        Assert.Equal(Hex("authenticateStatement"), CardStatement.Bytes(CardVerdict.PinAccepted, Challenge, "PRES-01"));
        Assert.Equal(Hex("presenceStatement"), CardStatement.Bytes(CardVerdict.Present, Challenge, "PRES-01"));
        // "VMRE-K2" 00 | verdict | challenge(32) | n | id: 8 + 1 + 32 + 1 + 7 bytes.
        Assert.Equal(49, Hex("authenticateStatement").Length);
    }

    [Fact]
    public void The_vectors_answers_pass_the_proof()
    {
        Assert.Equal(CardVerdict.PinAccepted, CardProof.Check(Accepted, Challenge, "PRES-01", CardKey).ValueOrThrow());
        Assert.Equal(CardVerdict.Present, CardProof.Check(Present, Challenge, "PRES-01", CardKey).ValueOrThrow());
    }

    [Fact]
    public void The_response_apdus_are_verdict_then_signature_then_9000()
    {
        Assert.Equal([0x01, .. Hex("authenticateSignature"), 0x90, 0x00], Hex("authenticateResponse"));
        Assert.Equal([0x10, .. Hex("presenceSignature"), 0x90, 0x00], Hex("presenceResponse"));
        Assert.Equal([0x07, .. "PRES-01"u8, 0x90, 0x00], Hex("selectResponse"));
    }

    [Fact]
    public void The_select_command_is_the_readers()
    {
        Assert.Equal(Hex("selectCommand"), K2Applet.SelectCommand());
        Assert.Equal([0x80, 0x88, 0x00, 0x00, 0x26, .. Hex("challenge"), .. "482913"u8, 0x00], Hex("authenticateCommand"));
    }

    [Fact]
    public void The_example_key_pair_is_one_p256_pair()
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(Field("privateKeyPem"));
        Assert.Equal(CardKey.KeyId, PublicKey.IdOf(key));
    }

    [Theory]
    [InlineData(CardVerdict.PinWrong)]    // 01 -> 02
    [InlineData(CardVerdict.CardBlocked)] // 01 -> 03, one bit
    [InlineData(CardVerdict.Present)]
    [InlineData((CardVerdict)0x00)]       // 01 -> 00, one bit, no such verdict
    public void Another_verdict_is_refused(CardVerdict verdict) =>
        Assert.False(CardProof.Check(Accepted with { Verdict = verdict }, Challenge, "PRES-01", CardKey).IsOk);

    [Fact]
    public void Every_one_bit_change_of_the_challenge_is_refused()
    {
        for (int bit = 0; bit < CardChallenge.Length * 8; bit++)
            Assert.False(CardProof.Check(Accepted, CardChallenge.From(Flip(Hex("challenge"), bit)), "PRES-01", CardKey).IsOk, $"bit {bit}");
    }

    [Fact]
    public void A_one_bit_change_of_the_credential_is_refused()
    {
        foreach (string other in new[] { "PRES-00", "QRES-01", "PRES-11", "PRES-0" })
        {
            Assert.Contains("not signed", CardProof.Check(Accepted with { CredentialId = other }, Challenge, other, CardKey).Error);
            Assert.Contains("not PRES-01", CardProof.Check(Accepted with { CredentialId = other }, Challenge, "PRES-01", CardKey).Error);
        }
    }

    [Fact]
    public void Every_one_bit_change_of_the_signature_is_refused()
    {
        byte[] signature = Hex("authenticateSignature");
        for (int bit = 0; bit < signature.Length * 8; bit++)
            Assert.False(CardProof.Check(Accepted with { Signature = Flip(signature, bit) }, Challenge, "PRES-01", CardKey).IsOk, $"bit {bit}");
        Assert.False(CardProof.Check(Accepted with { Signature = [] }, Challenge, "PRES-01", CardKey).IsOk);
    }

    [Fact]
    public void Another_cards_key_does_not_verify_it()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.False(CardProof.Check(Accepted, Challenge, "PRES-01", PublicKey.FromPem(other.ExportSubjectPublicKeyInfoPem())).IsOk);
    }

    private static byte[] Flip(byte[] bytes, int bit)
    {
        var copy = (byte[])bytes.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
