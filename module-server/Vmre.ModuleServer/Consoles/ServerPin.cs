using System.Security.Cryptography.X509Certificates;
using Vmre.Common.Lan;
using Vmre.Common.Serialization;
using PublicKey = Vmre.Common.Signing.PublicKey;

namespace Vmre.ModuleServer.Consoles;

/// <summary>
/// The module server as a console knows it: by its public key alone (--server-key), as the signed
/// module config pins it (issue 8 point 2). The console has no config to learn the server's module
/// id from, so the name in the server's leaf is read and the leaf must be signed by the pinned key
/// under that name; the check itself is <see cref="PairedPeers.Identify"/>, unchanged.
/// </summary>
public sealed class ServerPin(PublicKey serverKey)
{
    public Parsed<LanPeer> Identify(X509Certificate? presented)
    {
        if (presented is null) return Parsed<LanPeer>.Fail("the server presented no certificate");
        using var leaf = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        var name = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        var pinned = new PairedPeers(new Dictionary<string, PublicKey> { [name] = serverKey }).Identify(presented);
        return pinned.IsOk ? pinned : Parsed<LanPeer>.Fail($"the server's certificate is refused: {pinned.Error}");
    }

    /// <summary>
    /// <see cref="LanTls.ClientHandler"/> (TLS 1.3, this console's leaf, no plain HTTP) with the
    /// server checked against the pinned key rather than a pinned id.
    /// </summary>
    public SocketsHttpHandler Handler(LanIdentity me, Action<string> refused)
    {
        var handler = LanTls.ClientHandler(me, new PairedPeers(new Dictionary<string, PublicKey>()), refused);
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            var peer = Identify(certificate);
            if (!peer.IsOk) refused(peer.Error!);
            return peer.IsOk;
        };
        return handler;
    }
}
