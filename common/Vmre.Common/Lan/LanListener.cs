using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Vmre.Common.Lan;

/// <summary>
/// The one way a LAN face listens (issue 8 points 1-2), for the terminal and the module server
/// alike: Kestrel on an address of the module LAN, TLS 1.3 with a required client certificate
/// checked against the pinned keys (<see cref="LanTls.ServerOptions"/>), and every connection that
/// does not become a paired peer reported with its reason: a refused certificate by the check
/// itself, and a connection that never presented one (plain HTTP, TLS 1.2, a handshake cut short)
/// when it closes. Hosts log both as <c>lan-peer-refused</c> (rules.md R7).
/// </summary>
public static class LanListener
{
    private const string Refused = "vmre-lan-refused";
    private const string Accepted = "vmre-lan-accepted";

    public static void Listen(KestrelServerOptions kestrel, IPEndPoint endpoint, LanIdentity me, PairedPeers peers, Action<string> refused) =>
        kestrel.Listen(endpoint, listen =>
        {
            // Runs outside TLS: after the connection ends, a peer that neither passed nor failed the
            // certificate check never got that far.
            listen.Use(next => async connection =>
            {
                await next(connection);
                if (!connection.Items.ContainsKey(Accepted) && !connection.Items.ContainsKey(Refused))
                    refused($"no TLS 1.3 handshake with a certificate from {connection.RemoteEndPoint} (plain text, an older TLS, or a handshake cut short)");
            });
            listen.UseHttps(new TlsHandshakeCallbackOptions
            {
                OnConnection = context =>
                {
                    var items = context.Connection.Items;
                    var options = LanTls.ServerOptions(me, peers, reason =>
                    {
                        items[Refused] = reason;
                        refused(reason);
                    });
                    var check = options.RemoteCertificateValidationCallback!;
                    options.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    {
                        var ok = check(sender, certificate, chain, errors);
                        if (ok) items[Accepted] = true;
                        return ok;
                    };
                    return ValueTask.FromResult(options);
                },
            });
        });
}
