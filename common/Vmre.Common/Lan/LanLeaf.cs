using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vmre.Common.Serialization;

namespace Vmre.Common.Lan;

/// <summary>
/// The parts of a presented leaf certificate the pinned-key check needs, read from its DER
/// (RFC 5280 4.1) at the boundary: the exact tbsCertificate bytes that were signed, the
/// signature algorithm and value, and the subject's profile tag and device id. Nothing else of
/// the certificate is trusted or needed (docs/formats/lan-certificate.md "How a peer checks it").
/// </summary>
internal sealed record LanLeaf(
    byte[] SignedBytes, string SignatureAlgorithm, byte[] Signature, string? Profile, string? DeviceId, byte[] SubjectPublicKeyInfo)
{
    private const string CommonNameOid = "2.5.4.3";
    private const string OrganizationalUnitOid = "2.5.4.11";

    /// <summary>Never throws on untrusted bytes (rules.md E3): a malformed certificate is a refusal.</summary>
    public static Parsed<LanLeaf> Parse(byte[] der)
    {
        try
        {
            // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var certificate = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var tbs = certificate.ReadEncodedValue().ToArray();
            var algorithm = ReadAlgorithm(certificate);
            var signature = certificate.ReadBitString(out var unusedBits);
            certificate.ThrowIfNotEmpty();
            if (unusedBits != 0) return Parsed<LanLeaf>.Fail("signature is not a whole number of bytes");

            var fields = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
            if (fields.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                fields.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)); // version
            fields.ReadIntegerBytes(); // serialNumber
            // RFC 5280 4.1.1.2: the algorithm inside the signed part must equal the outer one.
            if (ReadAlgorithm(fields) != algorithm) return Parsed<LanLeaf>.Fail("the signed and unsigned signature algorithms differ");
            fields.ReadEncodedValue(); // issuer: not trusted; the pinned key says who signed
            fields.ReadEncodedValue(); // validity: not judged (see PairedPeers.Identify)
            var subject = new X500DistinguishedName(fields.ReadEncodedValue().Span);
            var publicKeyInfo = fields.ReadEncodedValue().ToArray();

            var profile = SingleValue(subject, OrganizationalUnitOid, "OU");
            var deviceId = SingleValue(subject, CommonNameOid, "CN");
            if (!profile.IsOk) return Parsed<LanLeaf>.Fail(profile.Error!);
            if (!deviceId.IsOk) return Parsed<LanLeaf>.Fail(deviceId.Error!);
            return Parsed<LanLeaf>.Ok(new LanLeaf(tbs, algorithm, signature, profile.Value, deviceId.Value, publicKeyInfo));
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or InvalidOperationException)
        {
            return Parsed<LanLeaf>.Fail($"certificate is not well-formed DER ({e.GetType().Name})");
        }
    }

    /// <summary>Whether the leaf's own key made its signature: only to word the refusal (a self-signed leaf).</summary>
    public bool SignedByItsOwnKey()
    {
        try
        {
            using var own = ECDsa.Create();
            own.ImportSubjectPublicKeyInfo(SubjectPublicKeyInfo, out _);
            return own.VerifyData(SignedBytes, Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    // AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }; the parameters
    // are kept in the answer so "ecdsa-with-SHA256 with parameters" is not mistaken for the plain one.
    private static string ReadAlgorithm(AsnReader reader)
    {
        var sequence = reader.ReadSequence();
        var oid = sequence.ReadObjectIdentifier();
        return sequence.HasData ? oid + " with parameters" : oid;
    }

    /// <summary>Exactly one attribute of that type in the subject, in a single-valued RDN.</summary>
    private static Parsed<string> SingleValue(X500DistinguishedName subject, string oid, string label)
    {
        string? found = null;
        foreach (var rdn in subject.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements) return Parsed<string>.Fail("certificate subject has a multi-valued name");
            if (rdn.GetSingleElementType().Value != oid) continue;
            if (found is not null) return Parsed<string>.Fail($"certificate subject has more than one {label}");
            found = rdn.GetSingleElementValue();
        }
        return found is null ? Parsed<string>.Fail($"certificate subject has no {label}") : Parsed<string>.Ok(found);
    }
}
