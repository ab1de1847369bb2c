using System.Text;
using Vmre.Common.Signing;

namespace Vmre.Common.Tests.Signing;

/// <summary>rules.md R5: everything received is verified, and each refusal says why.</summary>
public class SignedDocumentTests
{
    public sealed record Body(string Module, int Votes);

    private static readonly SoftwareSigningKey Authority = SoftwareSigningKey.Generate();
    private static readonly PublicKey AuthorityPublic = PublicKey.FromPem(Authority.PublicKeyPem);

    private static SignedDocument Signed() => SignedDocument.Create(DocumentKinds.Acta, new Body("MRV-LAX", 1362), Authority);

    [Fact]
    public void Round_trip_opens_to_the_same_body()
    {
        var opened = Signed().Open<Body>(DocumentKinds.Acta, AuthorityPublic);
        Assert.True(opened.IsOk, opened.Error);
        Assert.Equal(new Body("MRV-LAX", 1362), opened.Value);
    }

    [Fact]
    public void Round_trip_through_envelope_json()
    {
        var parsed = SignedDocument.ParseEnvelope(Encoding.UTF8.GetBytes(Signed().ToJson()));
        Assert.True(parsed.IsOk, parsed.Error);
        Assert.Equal(new Body("MRV-LAX", 1362), parsed.Value!.Open<Body>(DocumentKinds.Acta, AuthorityPublic).ValueOrThrow());
    }

    [Fact]
    public void Wrong_kind_is_refused()
    {
        var opened = Signed().Open<Body>(DocumentKinds.ElectionPackage, AuthorityPublic);
        Assert.False(opened.IsOk);
        Assert.Equal("expected a election-package document, got 'acta'", opened.Error);
    }

    [Fact]
    public void Other_key_is_refused_by_key_id()
    {
        var other = PublicKey.FromPem(SoftwareSigningKey.Generate().PublicKeyPem);
        var opened = Signed().Open<Body>(DocumentKinds.Acta, other);
        Assert.False(opened.IsOk);
        Assert.Equal($"signed by key {Authority.KeyId}, expected {other.KeyId}", opened.Error);
    }

    [Fact]
    public void Other_key_claiming_the_right_key_id_is_refused_by_signature()
    {
        var forger = SoftwareSigningKey.Generate();
        var forged = SignedDocument.Create(DocumentKinds.Acta, new Body("MRV-LAX", 9999), forger) with { KeyId = Authority.KeyId };
        Assert.Equal("bad signature on acta", forged.Open<Body>(DocumentKinds.Acta, AuthorityPublic).Error);
    }

    [Fact]
    public void Tampered_payload_is_refused()
    {
        var doc = Signed();
        var bytes = doc.PayloadBytes();
        // {"module":"MRV-LAX","votes":1362} → change a digit of the vote count.
        var at = Array.LastIndexOf(bytes, (byte)'2');
        bytes[at] ^= 0x01; // '2' → '3'
        var tampered = doc with { Payload = Convert.ToBase64String(bytes) };
        Assert.Equal("bad signature on acta", tampered.Open<Body>(DocumentKinds.Acta, AuthorityPublic).Error);
    }

    [Fact]
    public void Tampered_signature_is_refused()
    {
        var doc = Signed();
        var sig = Convert.FromBase64String(doc.Signature);
        sig[^1] ^= 0x01;
        var tampered = doc with { Signature = Convert.ToBase64String(sig) };
        Assert.Equal("bad signature on acta", tampered.Open<Body>(DocumentKinds.Acta, AuthorityPublic).Error);
    }

    [Fact]
    public void Signature_that_is_not_der_is_refused()
    {
        var tampered = Signed() with { Signature = Convert.ToBase64String(new byte[64]) };
        Assert.Equal("bad signature on acta", tampered.Open<Body>(DocumentKinds.Acta, AuthorityPublic).Error);
    }

    [Theory]
    [InlineData("payload")]
    [InlineData("signature")]
    public void Non_base64_is_refused(string field)
    {
        var doc = Signed();
        var broken = field == "payload" ? doc with { Payload = "not base64!" } : doc with { Signature = "%%%" };
        Assert.Equal("payload or signature is not base64", broken.Open<Body>(DocumentKinds.Acta, AuthorityPublic).Error);
    }

    [Fact]
    public void Unknown_envelope_format_is_refused()
    {
        var doc = Signed() with { Format = "vmre-signed/2" };
        Assert.Equal("unknown envelope format 'vmre-signed/2'", doc.Open<Body>(DocumentKinds.Acta, AuthorityPublic).Error);
    }

    [Fact]
    public void Signed_null_body_is_refused()
    {
        var doc = SignedDocument.Create<Body?>(DocumentKinds.Acta, null, Authority);
        Assert.Equal("empty document", doc.Open<Body>(DocumentKinds.Acta, AuthorityPublic).Error);
    }

    [Theory]
    [InlineData("format")]
    [InlineData("kind")]
    [InlineData("keyId")]
    [InlineData("payload")]
    [InlineData("signature")]
    public void Envelope_missing_a_field_is_refused(string missing)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Signed().ToJson())!.AsObject();
        Assert.True(node.Remove(missing));
        var parsed = SignedDocument.ParseEnvelope(Encoding.UTF8.GetBytes(node.ToJsonString()));
        // Issue 11 point 4: the strict reading refuses it before the envelope's own check.
        Assert.Equal($"malformed JSON: missing required property '{missing}'", parsed.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("{\"format\": 3}")]
    public void MalformedEnvelopeIsRefused(string json)
    {
        var parsed = SignedDocument.ParseEnvelope(Encoding.UTF8.GetBytes(json));
        Assert.False(parsed.IsOk);
        Assert.StartsWith("malformed JSON", parsed.Error);
    }

    [Fact]
    public void Read_file_of_a_missing_file_is_refused()
    {
        Assert.StartsWith("file not found", SignedDocument.ReadFile("/nonexistent/vmre/doc.json").Error);
    }

    [Fact]
    public void Write_file_then_read_file_opens()
    {
        using var dir = new TempDir();
        var path = dir.File("acta.signed.json");
        Signed().WriteFile(path);
        var read = SignedDocument.ReadFile(path);
        Assert.True(read.IsOk, read.Error);
        Assert.True(read.Value!.Open<Body>(DocumentKinds.Acta, AuthorityPublic).IsOk);
    }
}
