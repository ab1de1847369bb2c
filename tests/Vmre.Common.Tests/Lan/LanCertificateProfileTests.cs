using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vmre.Common.Lan;
using Vmre.Common.Signing;
using PublicKey = Vmre.Common.Signing.PublicKey;

namespace Vmre.Common.Tests.Lan;

/// <summary>
/// Pins the certificate profile docs/formats/lan-certificate.md documents (vmre-lan-cert/1),
/// field by field, on a minted leaf: its keys are random, so a byte-for-byte golden vector
/// cannot exist (rules.md E5).
/// </summary>
public sealed class LanCertificateProfileTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_minted_leaf_has_every_field_the_page_documents()
    {
        var deviceKey = SoftwareSigningKey.Generate();
        using var identity = LanIdentity.Mint("T-CHI-01", deviceKey, new ScriptedTime(() => Now));
        var leaf = identity.Certificate;

        Assert.Equal("T-CHI-01", identity.DeviceId);
        Assert.Equal(3, leaf.Version);
        // Names in DER order (RFC 5280), the profile tag first.
        Assert.Equal(["2.5.4.11=vmre-lan-cert/1", "2.5.4.3=T-CHI-01"], InDerOrder(leaf.SubjectName));
        Assert.Equal(["2.5.4.11=vmre-lan-cert/1", "2.5.4.3=T-CHI-01 device key"], InDerOrder(leaf.IssuerName));
        Assert.Equal(Now.AddDays(-1).UtcDateTime, leaf.NotBefore.ToUniversalTime());
        Assert.Equal(Now.AddDays(7).UtcDateTime, leaf.NotAfter.ToUniversalTime());
        var serial = leaf.SerialNumberBytes.Span;
        Assert.Equal(16, serial.Length);
        Assert.InRange(serial[0], 0x01, 0x7F);
        Assert.Equal("1.2.840.10045.4.3.2", leaf.SignatureAlgorithm.Value);
        Assert.True(leaf.HasPrivateKey);

        // The subject key is a fresh P-256 key, not the device key.
        using var tlsKey = leaf.GetECDsaPublicKey()!;
        Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, tlsKey.ExportParameters(false).Curve.Oid.Value);
        Assert.NotEqual(deviceKey.PublicKeyPem.Trim(), tlsKey.ExportSubjectPublicKeyInfoPem().Trim());

        // Exactly three extensions, as documented; no subjectAltName (peers are found by key, not DNS).
        Assert.Equal(["2.5.29.19", "2.5.29.15", "2.5.29.37"], leaf.Extensions.Select(e => e.Oid!.Value!).ToArray());
        var basic = Assert.IsType<X509BasicConstraintsExtension>(leaf.Extensions["2.5.29.19"]);
        Assert.True(basic.Critical);
        Assert.False(basic.CertificateAuthority);
        var usage = Assert.IsType<X509KeyUsageExtension>(leaf.Extensions["2.5.29.15"]);
        Assert.True(usage.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, usage.KeyUsages);
        var extended = Assert.IsType<X509EnhancedKeyUsageExtension>(leaf.Extensions["2.5.29.37"]);
        Assert.False(extended.Critical);
        Assert.Equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], extended.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value!).ToArray());

        // signatureAlgorithm has no parameters, and signatureValue is the device key's DER
        // signature over the exact tbsCertificate bytes.
        var certificate = new AsnReader(leaf.RawData, AsnEncodingRules.DER).ReadSequence();
        var tbs = certificate.ReadEncodedValue().ToArray();
        var algorithm = certificate.ReadSequence();
        Assert.Equal("1.2.840.10045.4.3.2", algorithm.ReadObjectIdentifier());
        Assert.False(algorithm.HasData);
        var signature = certificate.ReadBitString(out var unused);
        Assert.Equal(0, unused);
        Assert.True(PublicKey.FromPem(deviceKey.PublicKeyPem).Verify(tbs, signature));
    }

    [Fact]
    public void A_leaf_of_another_profile_version_is_refused_with_its_tag()
    {
        using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leaf = SignedBy(deviceKey, "vmre-lan-cert/2", "T-CHI-01", HashAlgorithmName.SHA256);
        Assert.Equal("certificate profile 'vmre-lan-cert/2' is not vmre-lan-cert/1", PinnedTo(deviceKey).Identify(leaf).Error);
    }

    [Fact]
    public void A_leaf_signed_by_the_pinned_key_with_another_hash_is_refused()
    {
        using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leaf = SignedBy(deviceKey, LanCertificateProfile.V1, "T-CHI-01", HashAlgorithmName.SHA384);
        Assert.Equal("certificate signature algorithm 1.2.840.10045.4.3.3 is not ecdsa-with-SHA256", PinnedTo(deviceKey).Identify(leaf).Error);
    }

    [Fact]
    public void A_leaf_without_a_device_id_is_refused()
    {
        using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedNameBuilder();
        name.AddOrganizationalUnitName(LanCertificateProfile.V1);
        var leaf = SignedBy(deviceKey, name.Build(), HashAlgorithmName.SHA256);
        Assert.Equal("certificate subject has no CN", PinnedTo(deviceKey).Identify(leaf).Error);
    }

    [Fact]
    public void A_name_from_an_unverified_leaf_is_made_printable_before_it_reaches_a_log_line()
    {
        using var deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leaf = SignedBy(deviceKey, LanCertificateProfile.V1, "T-CHI-01\nlan-peer-accepted", HashAlgorithmName.SHA256);
        Assert.Equal("certificate names T-CHI-01?lan-peer-accepted, which is not paired", PinnedTo(deviceKey).Identify(leaf).Error);
    }

    /// <summary>Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value }, read straight from the DER.</summary>
    private static string[] InDerOrder(X500DistinguishedName name)
    {
        var rdns = new AsnReader(name.RawData, AsnEncodingRules.DER).ReadSequence();
        var found = new List<string>();
        while (rdns.HasData)
        {
            var attribute = rdns.ReadSetOf().ReadSequence();
            found.Add($"{attribute.ReadObjectIdentifier()}={attribute.ReadCharacterString(UniversalTagNumber.UTF8String)}");
        }
        return [.. found];
    }

    private static PairedPeers PinnedTo(ECDsa deviceKey) =>
        new(new Dictionary<string, PublicKey> { ["T-CHI-01"] = PublicKey.FromPem(deviceKey.ExportSubjectPublicKeyInfoPem()) });

    private static X509Certificate2 SignedBy(ECDsa deviceKey, string profile, string deviceId, HashAlgorithmName hash)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddOrganizationalUnitName(profile);
        name.AddCommonName(deviceId);
        return SignedBy(deviceKey, name.Build(), hash);
    }

    private static X509Certificate2 SignedBy(ECDsa deviceKey, X500DistinguishedName subject, HashAlgorithmName hash)
    {
        using var tlsKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, tlsKey, hash);
        return request.Create(new X500DistinguishedName("CN=device key"), X509SignatureGenerator.CreateForECDsa(deviceKey),
            Now.AddDays(-1), Now.AddDays(7), [0x01, 0x02]);
    }
}
