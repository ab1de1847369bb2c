using System.Text;
using Vmre.Common.Signing;

namespace Vmre.Common.Tests.Signing;

/// <summary>
/// A fixed verify vector (docs/formats: signed envelope): an envelope signed once with a
/// committed TEST key must keep verifying. ECDSA signatures are randomized, so this pins the
/// verification side (envelope fields, base64 payload, DER signature, key id), not re-signing.
/// </summary>
public class SignedDocumentGoldenTests
{
    public sealed record GoldenBody(string Module, int RegisteredVoters);

    // TEST KEY ONLY — generated for this vector, never used for anything real.
    private const string TestPrivateKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgdAx3D00CO8H00kxh
        DAi2uPENQOsNe98KXdpRxroOhZShRANCAAQvt3R+b26q4pnGrQIqu5KEkstt5+wk
        IG3QD9PjwVmXHt/RtHJ1S9LRwOrITb0KGDZtK+LOu84Pwk/QjVOQdFlx
        -----END PRIVATE KEY-----
        """;

    private const string TestPublicKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEL7d0fm9uquKZxq0CKruShJLLbefs
        JCBt0A/T48FZlx7f0bRydUvS0cDqyE29Chg2bSvizrvOD8JP0I1TkHRZcQ==
        -----END PUBLIC KEY-----
        """;

    private const string TestKeyId = "98f969b05ec027dd";

    private const string Envelope = """
        {
          "format": "vmre-signed/1",
          "kind": "acta",
          "keyId": "98f969b05ec027dd",
          "payload": "eyJtb2R1bGUiOiJNUlYtTEFYIiwicmVnaXN0ZXJlZFZvdGVycyI6MTM2Mn0=",
          "signature": "MEUCIHPzZmo1Tvu+RsPfS8VTdaZNMMCkVTPvRWpUZ7IHktQmAiEA51biT/B4LDwYG6GuaSgFnOXsN5MyMFH096OXUrsEI/k="
        }
        """;

    [Fact]
    public void Golden_envelope_verifies_and_opens_to_the_expected_body()
    {
        var envelope = SignedDocument.ParseEnvelope(Encoding.UTF8.GetBytes(Envelope)).ValueOrThrow();
        var opened = envelope.Open<GoldenBody>("acta", PublicKey.FromPem(TestPublicKeyPem));
        Assert.True(opened.IsOk, opened.Error);
        Assert.Equal(new GoldenBody("MRV-LAX", 1362), opened.Value);
        Assert.Equal("{\"module\":\"MRV-LAX\",\"registeredVoters\":1362}", Encoding.UTF8.GetString(envelope.PayloadBytes()));
    }

    [Fact]
    public void Golden_key_id_is_the_sha256_prefix_of_the_subject_public_key_info()
    {
        Assert.Equal(TestKeyId, PublicKey.FromPem(TestPublicKeyPem).KeyId);
    }

    [Fact]
    public void Golden_private_key_loads_to_the_same_key_id_and_signs_verifiably()
    {
        var path = Path.Combine(Path.GetTempPath(), "vmre-golden-" + Guid.NewGuid().ToString("N") + ".pem");
        try
        {
            File.WriteAllText(path, TestPrivateKeyPem);
            var key = SoftwareSigningKey.Load(path);
            Assert.Equal(TestKeyId, key.KeyId);
            var doc = SignedDocument.Create("acta", new GoldenBody("MRV-LAX", 1362), key);
            // Same canonical payload as the golden one; the signature differs (randomized ECDSA) but verifies.
            Assert.Equal("eyJtb2R1bGUiOiJNUlYtTEFYIiwicmVnaXN0ZXJlZFZvdGVycyI6MTM2Mn0=", doc.Payload);
            Assert.True(doc.Open<GoldenBody>("acta", PublicKey.FromPem(TestPublicKeyPem)).IsOk);
        }
        finally { File.Delete(path); }
    }
}
