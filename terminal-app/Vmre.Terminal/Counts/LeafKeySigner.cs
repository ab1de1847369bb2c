using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vmre.Common.Signing;

namespace Vmre.Terminal.Counts;

/// <summary>
/// Signs with this run's LAN leaf key (issue 10 point 3): an in-memory key the TPM device key
/// certified once at start (docs/formats/lan-certificate.md), so a count report costs no TPM command.
/// </summary>
public sealed class LeafKeySigner : ISigner
{
    private readonly ECDsa _key;

    public LeafKeySigner(X509Certificate2 leaf)
    {
        _key = leaf.GetECDsaPrivateKey() ?? throw new ArgumentException("the LAN leaf carries no ECDSA private key", nameof(leaf));
        Certificate = Convert.ToBase64String(leaf.RawData);
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
        KeyId = Vmre.Common.Signing.PublicKey.IdOf(_key);
    }

    /// <summary>The leaf, base64 DER, attached to every report.</summary>
    public string Certificate { get; }
    public string KeyId { get; }
    public string PublicKeyPem { get; }

    public byte[] Sign(ReadOnlySpan<byte> data) =>
        _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
}
