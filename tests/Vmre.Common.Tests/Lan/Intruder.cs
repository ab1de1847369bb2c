using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vmre.Common.Lan;

namespace Vmre.Common.Tests.Lan;

/// <summary>
/// A LAN intruder (issue 8 point 6) who does not use VMRE's options: it presents whatever
/// certificate it has, or none, and believes whatever it is shown.
/// </summary>
internal static class Intruder
{
    public static SslClientAuthenticationOptions Client(X509Certificate2? certificate, SslProtocols protocols = SslProtocols.Tls13) => new()
    {
        TargetHost = "",
        EnabledSslProtocols = protocols,
        ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
        RemoteCertificateValidationCallback = (_, _, _, _) => true,
    };

    public static SslServerAuthenticationOptions Server(X509Certificate2 certificate) => new()
    {
        ServerCertificate = certificate,
        ClientCertificateRequired = true,
        EnabledSslProtocols = SslProtocols.Tls13,
        RemoteCertificateValidationCallback = (_, _, _, _) => true,
    };

    /// <summary>A leaf in the VMRE profile naming a paired device, signed by its own key.</summary>
    public static X509Certificate2 SelfSigned(string deviceId)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedNameBuilder();
        name.AddOrganizationalUnitName(LanCertificateProfile.V1);
        name.AddCommonName(deviceId);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
    }
}
