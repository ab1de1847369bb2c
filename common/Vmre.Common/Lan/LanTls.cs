using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Vmre.Common.Lan;

/// <summary>
/// SslStream options for both ends of every module LAN connection (issue 8 point 2): TLS 1.3
/// only, a client certificate required, and each side's certificate checked by
/// <see cref="PairedPeers.Identify"/> against the keys pinned in the signed module config.
/// <paramref name="refused"/> hears the reason of every handshake this side refuses; hosts log it
/// as <c>lan-peer-refused</c> (rules.md R7).
/// </summary>
public static class LanTls
{
    public static SslServerAuthenticationOptions ServerOptions(LanIdentity me, PairedPeers clients, Action<string> refused) => new()
    {
        ServerCertificateContext = me.CertificateContext,
        ClientCertificateRequired = true,
        EnabledSslProtocols = SslProtocols.Tls13,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = (_, certificate, _, _) => Accepts(clients, certificate, refused),
    };

    public static SslClientAuthenticationOptions ClientOptions(LanIdentity me, PairedPeers servers, Action<string> refused) => new()
    {
        ClientCertificateContext = me.CertificateContext,
        EnabledSslProtocols = SslProtocols.Tls13,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = (_, certificate, _, _) => Accepts(servers, certificate, refused),
    };

    /// <summary>
    /// An HttpClient handler that speaks mutual TLS to paired servers only. A plain <c>http://</c>
    /// address is refused before a byte is sent: on the LAN, clear text is never a fallback.
    /// </summary>
    public static SocketsHttpHandler ClientHandler(LanIdentity me, PairedPeers servers, Action<string> refused) => new()
    {
        SslOptions = ClientOptions(me, servers, refused),
        PlaintextStreamFilter = (context, _) =>
        {
            // For https the stream handed here is the SslStream that already passed the handshake.
            if (context.PlaintextStream is SslStream) return ValueTask.FromResult(context.PlaintextStream);
            var reason = $"plain HTTP to {context.InitialRequestMessage.RequestUri?.Authority}: the module LAN speaks only mutual TLS";
            refused(reason);
            throw new HttpRequestException(reason);
        },
    };

    /// <summary>
    /// The pinned-key check replaces the platform's verdict (sslPolicyErrors) entirely: chain
    /// errors are expected (a device key is pinned, not a CA anyone chains to), the name never
    /// matches a host name (peers are found by key, not DNS), and validity-period errors must not
    /// count (no time source on the LAN; see PairedPeers.Identify). A missing certificate reaches
    /// Identify as null and is refused there.
    /// </summary>
    private static bool Accepts(PairedPeers peers, X509Certificate? certificate, Action<string> refused)
    {
        var peer = peers.Identify(certificate);
        if (!peer.IsOk) refused(peer.Error!);
        return peer.IsOk;
    }
}
