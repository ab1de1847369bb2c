using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;
using Vmre.Common.Lan;
using Vmre.Common.Signing;
using PublicKey = Vmre.Common.Signing.PublicKey;

namespace Vmre.ModuleServer.Tests.Lan;

/// <summary>
/// The LAN library wired into a real Kestrel on loopback the way the hosts wire it (issue 8
/// point 2): <c>UseHttps(TlsHandshakeCallbackOptions)</c> returning <see cref="LanTls.ServerOptions"/>,
/// and the endpoint reading its peer with <see cref="PairedPeers.Identify"/> on the connection's
/// client certificate.
/// </summary>
public sealed class KestrelMutualTlsTests : IAsyncLifetime
{
    private readonly SoftwareSigningKey _serverKey = SoftwareSigningKey.Generate();
    private readonly SoftwareSigningKey _terminalKey = SoftwareSigningKey.Generate();
    private readonly List<string> _refused = [];
    private LanIdentity _server = null!;
    private PairedPeers _terminals = null!;
    private PairedPeers _serverOnly = null!;
    private WebApplication _app = null!;
    private int _port;
    private int _requestsServed;

    public async Task InitializeAsync()
    {
        _server = LanIdentity.Mint("MRV-CHI", _serverKey, TimeProvider.System);
        _terminals = new PairedPeers(new Dictionary<string, PublicKey> { ["T-CHI-01"] = PublicKey.FromPem(_terminalKey.PublicKeyPem) });
        _serverOnly = new PairedPeers(new Dictionary<string, PublicKey> { ["MRV-CHI"] = PublicKey.FromPem(_serverKey.PublicKeyPem) });

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            listen.UseHttps(new TlsHandshakeCallbackOptions
            {
                OnConnection = _ => ValueTask.FromResult(LanTls.ServerOptions(_server, _terminals, Refuse)),
            })));
        _app = builder.Build();
        _app.MapGet("/api/peer", (HttpContext context) =>
        {
            Interlocked.Increment(ref _requestsServed);
            var peer = _terminals.Identify(context.Connection.ClientCertificate);
            return peer.IsOk ? Results.Text(peer.Value!.DeviceId) : Results.Text(peer.Error, statusCode: 403);
        });
        await _app.StartAsync();
        _port = new Uri(_app.Urls.Single()).Port;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _server.Dispose();
    }

    [Fact]
    public async Task A_paired_terminal_reaches_kestrel_over_mutual_TLS_and_the_endpoint_reads_its_device_id()
    {
        using var terminal = LanIdentity.Mint("T-CHI-01", _terminalKey, TimeProvider.System);
        using var http = new HttpClient(LanTls.ClientHandler(terminal, _serverOnly, Refuse));

        var answer = await http.GetAsync($"https://127.0.0.1:{_port}/api/peer");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("T-CHI-01", await answer.Content.ReadAsStringAsync());
        Assert.Empty(Refusals());
    }

    [Fact]
    public async Task A_client_whose_leaf_is_not_signed_by_the_paired_key_is_refused_at_the_handshake_and_reported()
    {
        using var impostor = LanIdentity.Mint("T-CHI-01", SoftwareSigningKey.Generate(), TimeProvider.System);
        using var http = new HttpClient(LanTls.ClientHandler(impostor, _serverOnly, Refuse));

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"https://127.0.0.1:{_port}/api/peer"));

        // TLS 1.3: the client finishes its half before the server judges its certificate, so the
        // handler sees a dropped connection and retries the GET; each attempt is refused alike.
        Assert.NotEmpty(Refusals());
        Assert.All(Refusals(), reason => Assert.Equal("not signed by the key paired with T-CHI-01", reason));
        Assert.Equal(0, _requestsServed);
    }

    [Fact]
    public async Task A_client_with_no_certificate_is_refused_at_the_handshake_and_reported()
    {
        // A LAN intruder with an ordinary TLS client: it trusts any server and has no certificate.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new() { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"https://127.0.0.1:{_port}/api/peer"));

        Assert.NotEmpty(Refusals());
        Assert.All(Refusals(), reason => Assert.Equal("no certificate", reason));
        Assert.Equal(0, _requestsServed);
    }

    [Fact]
    public async Task Plain_HTTP_to_the_kestrel_TLS_listener_gets_no_HTTP_answer()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // against a hang, not a timing assertion
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _port, guard.Token);
        var stream = client.GetStream();
        await stream.WriteAsync("GET /api/peer HTTP/1.1\r\nHost: mrv-chi\r\n\r\n"u8.ToArray(), guard.Token);

        var answer = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, guard.Token)) > 0) answer.Write(buffer, 0, n);
        }
        catch (IOException) { } // a reset is as much "no answer" as a close

        Assert.DoesNotContain("HTTP/", Encoding.Latin1.GetString(answer.ToArray()));
        Assert.Equal(0, _requestsServed);
    }

    private void Refuse(string reason)
    {
        lock (_refused) _refused.Add(reason);
    }

    private string[] Refusals()
    {
        lock (_refused) return [.. _refused];
    }
}
