using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Vmre.Common.Lan;
using Vmre.Common.Signing;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// The module server's side of the LAN as the tests play it (issue 8 point 2): a TLS identity
/// certified by the test election's server key, a client to a terminal's LAN face pinned to that
/// terminal's key, and a Kestrel listener that takes only the paired terminal.
/// </summary>
public static class ServerOnLan
{
    public static LanIdentity Identity(TestElection election) =>
        LanIdentity.Mint(TestElection.ModuleId, election.Server, TimeProvider.System);

    public static PairedPeers Terminal(string terminalPublicPem) =>
        new(new Dictionary<string, PublicKey> { [TestElection.TerminalId] = PublicKey.FromPem(terminalPublicPem) });

    /// <summary>An HttpClient on the terminal's LAN face, as the module server dials it.</summary>
    public static HttpClient Client(LanIdentity server, string terminalPublicPem, string lanUrl) =>
        new(LanTls.ClientHandler(server, Terminal(terminalPublicPem), _ => { })) { BaseAddress = new Uri(lanUrl) };

    /// <summary>Kestrel on https://127.0.0.1:0, mutual TLS with the paired terminal only.</summary>
    public static void Listen(WebApplicationBuilder builder, LanIdentity server, string terminalPublicPem) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            listen.UseHttps(new TlsHandshakeCallbackOptions
            {
                OnConnection = _ => ValueTask.FromResult(LanTls.ServerOptions(server, Terminal(terminalPublicPem), _ => { })),
            })));
}
