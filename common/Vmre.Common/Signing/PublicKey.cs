using System.Security.Cryptography;

namespace Vmre.Common.Signing;

/// <summary>A P-256 public key as VMRE documents carry it (PEM), with its key id.</summary>
public sealed class PublicKey
{
    private readonly ECDsa _key;

    private PublicKey(ECDsa key, string pem)
    {
        _key = key;
        Pem = pem;
        KeyId = IdOf(key);
    }

    public string Pem { get; }
    public string KeyId { get; }

    public static PublicKey FromPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        // KeySize alone would let other 256-bit curves (brainpoolP256r1) through: check the curve.
        if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            throw new CryptographicException("VMRE keys are ECDSA P-256");
        return new PublicKey(key, pem.Trim() + "\n");
    }

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> derSignature)
    {
        try
        {
            return _key.VerifyData(data, derSignature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static string IdOf(ECDsa key) =>
        ContentHash.Of(key.ExportSubjectPublicKeyInfo())[..16];
}
