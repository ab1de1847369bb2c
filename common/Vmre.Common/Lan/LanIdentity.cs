using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vmre.Common.Signing;

namespace Vmre.Common.Lan;

/// <summary>
/// A device's TLS identity for this process run: device id + ephemeral key + leaf signed by the
/// device key (issue 8 point 2, docs/formats/lan-certificate.md). The TLS key is made fresh in
/// memory at each start and never written anywhere; the device key stays in the TPM and only
/// signs the leaf, so a TLS handshake never touches the TPM (STACK.md: a TPM-backed TLS key
/// through the OpenSSL provider exhausts swtpm's object slots).
/// </summary>
public sealed class LanIdentity : IDisposable
{
    private readonly Lazy<SslStreamCertificateContext> _context;

    private LanIdentity(string deviceId, X509Certificate2 certificate)
    {
        DeviceId = deviceId;
        Certificate = certificate;
        // offline: the leaf has no AIA or CRL pointers, and an isolated LAN has nothing to fetch.
        _context = new(() => SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true));
    }

    public string DeviceId { get; }

    /// <summary>The leaf, with its private key, usable by SslStream.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>One context per run, shared by every connection (Kestrel asks per connection).</summary>
    internal SslStreamCertificateContext CertificateContext => _context.Value;

    public static LanIdentity Mint(string deviceId, ISigner deviceKey, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(deviceId)) throw new ArgumentException("a device id is required", nameof(deviceId));
        using var tlsKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Name(deviceId), tlsKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // serverAuth, clientAuth

        // The window is wide around this device's own clock: peers do not judge it (an isolated
        // LAN has no time source, issue 8 point 3); it only keeps ordinary tools calm.
        var now = time.GetUtcNow();
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive INTEGER (RFC 5280 4.1.2.2)
        serial[0] |= 0x01; // and no leading zero octet to strip
        using var signed = request.Create(Name(LanCertificateProfile.IssuerCommonName(deviceId)),
            new DeviceKeySignatureGenerator(deviceKey),
            now - LanCertificateProfile.ValidBefore, now + LanCertificateProfile.ValidAfter, serial);
        return new LanIdentity(deviceId, signed.CopyWithPrivateKey(tlsKey));
    }

    /// <summary>OU = the profile tag, CN = the device id (subject) or the device key (issuer).</summary>
    private static X500DistinguishedName Name(string commonName)
    {
        // The builder encodes the last name added first: this writes OU then CN in the DER,
        // the usual most-significant-first order (docs/formats/lan-certificate.md).
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(commonName);
        name.AddOrganizationalUnitName(LanCertificateProfile.V1);
        return name.Build();
    }

    public void Dispose() => Certificate.Dispose();
}
