using System.Net;
using System.Net.Sockets;
using System.Text;
using Vmre.Common.Lan;

namespace Vmre.Common.Tests.Lan;

/// <summary>Clear text never crosses the module LAN, in either direction (issue 8 "Clear text").</summary>
public sealed class PlainTextTests
{
    private readonly PairedModule _module = new();

    [Fact]
    public async Task Plain_HTTP_to_the_TLS_listener_gets_no_HTTP_answer()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var server = _module.Server();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serverSide = Task.Run(async () =>
        {
            using var tcp = await listener.AcceptTcpClientAsync(guard.Token);
            await using var ssl = new System.Net.Security.SslStream(tcp.GetStream());
            try
            {
                await ssl.AuthenticateAsServerAsync(LanTls.ServerOptions(server, _module.Terminals, _ => { }), guard.Token);
                return true;
            }
            catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException)
            {
                return false;
            }
        });

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, guard.Token);
        var stream = client.GetStream();
        await stream.WriteAsync("GET /api/state HTTP/1.1\r\nHost: mrv-chi\r\n\r\n"u8.ToArray(), guard.Token);
        var answer = await ReadUntilClosed(stream, guard.Token);
        listener.Stop();

        Assert.False(await serverSide);
        Assert.DoesNotContain("HTTP/", Encoding.Latin1.GetString(answer));
    }

    [Fact]
    public async Task The_LAN_http_client_refuses_a_plain_http_address_before_sending_a_byte()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var terminal = _module.T1();
        var refused = new Refusals();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var received = Task.Run(async () =>
        {
            using var tcp = await listener.AcceptTcpClientAsync(guard.Token);
            return await ReadUntilClosed(tcp.GetStream(), guard.Token);
        });

        using (var http = new HttpClient(LanTls.ClientHandler(terminal, _module.ServerOnly, refused.Add)))
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{port}/api/status", guard.Token));

        Assert.Empty(await received);
        listener.Stop();
        Assert.Equal([$"plain HTTP to 127.0.0.1:{port}: the module LAN speaks only mutual TLS"], refused.Reasons);
    }

    private static async Task<byte[]> ReadUntilClosed(Stream stream, CancellationToken token)
    {
        using var all = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, token)) > 0) all.Write(buffer, 0, n);
        }
        catch (IOException) { } // a reset is as much "no answer" as a close
        return all.ToArray();
    }
}
