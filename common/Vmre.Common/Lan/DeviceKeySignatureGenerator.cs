using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vmre.Common.Signing;

namespace Vmre.Common.Lan;

/// <summary>
/// Lets <see cref="CertificateRequest"/> sign a certificate with a device key it never holds:
/// the TPM (or, off the device, a software key) signs, and only the DER signature comes back
/// (issue 8 point 2; /work/shared/design/STACK.md "Mutual TLS with keys that live in a TPM").
/// </summary>
internal sealed class DeviceKeySignatureGenerator(ISigner deviceKey) : X509SignatureGenerator
{
    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        RequireSha256(hashAlgorithm);
        // AlgorithmIdentifier ::= SEQUENCE { ecdsa-with-SHA256 } with the parameters absent (RFC 5758 3.2).
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence()) writer.WriteObjectIdentifier(LanCertificateProfile.EcdsaWithSha256Oid);
        return writer.Encode();
    }

    // ISigner.Sign hashes with SHA-256 and answers an ECDSA-Sig-Value in DER, exactly what X.509 carries.
    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm)
    {
        RequireSha256(hashAlgorithm);
        return deviceKey.Sign(data);
    }

    protected override System.Security.Cryptography.X509Certificates.PublicKey BuildPublicKey()
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(deviceKey.PublicKeyPem);
        return CreateForECDsa(key).PublicKey;
    }

    private static void RequireSha256(HashAlgorithmName hashAlgorithm)
    {
        if (hashAlgorithm != HashAlgorithmName.SHA256)
            throw new ArgumentOutOfRangeException(nameof(hashAlgorithm), "VMRE device keys sign SHA-256 only");
    }
}
