using System.Net;
using System.Net.Sockets;
using Vmre.HardwareSim.Network;

namespace Vmre.HardwareSim.Tests.Network;

/// <summary>
/// A kiosk face listens only on its terminal namespace's 127.0.0.1 (issue 8 point 1); the
/// simulator reaches it through a connector for that namespace, and nothing else reaches it:
/// not the host's loopback, not another part of the LAN (issue 8 point 5).
/// </summary>
[Collection(LanCollection.Name)]
public sealed class NamespaceConnectorTests
{
    [Fact]
    public async Task An_http_client_with_the_connector_reaches_a_page_on_the_namespace_loopback()
    {
        using var lan = ModuleLan.Create(HostView.NewRunId(), ["t1"]).ValueOrThrow();
        using var t1 = NamespaceConnector.Enter(lan.Namespace("t1")).ValueOrThrow();
        using var hostPort = HostPortWithNoListener();
        using var page = new TinyPage(t1.Listen(new IPEndPoint(IPAddress.Loopback, PortOf(hostPort))), "kiosk of t1");
        using var http = new HttpClient(t1.Handler());

        var html = await http.GetStringAsync($"http://127.0.0.1:{PortOf(hostPort)}/");

        Assert.Contains("<title>kiosk of t1</title>", html);
    }

    [Fact]
    public async Task A_listener_on_the_namespace_loopback_is_not_reached_from_the_host_nor_from_another_part()
    {
        using var lan = ModuleLan.Create(HostView.NewRunId(), ["t1", "x"]).ValueOrThrow();
        using var t1 = NamespaceConnector.Enter(lan.Namespace("t1")).ValueOrThrow();
        using var intruder = NamespaceConnector.Enter(lan.Namespace("x")).ValueOrThrow();
        using var hostPort = HostPortWithNoListener();
        var port = PortOf(hostPort);
        using var listener = t1.Listen(new IPEndPoint(IPAddress.Loopback, port));
        using (var inside = await t1.ConnectAsync("127.0.0.1", port)) Assert.True(inside.Connected);

        var fromHost = await Refusal(() => ConnectOnHost(port));
        var fromIntruderLoopback = await Refusal(async () => (await intruder.ConnectAsync("127.0.0.1", port)).Dispose());
        // The same port on t1's LAN address: the face listens on loopback only.
        var fromIntruderOverLan = await Refusal(async () => (await intruder.ConnectAsync(lan.Address("t1").ToString(), port)).Dispose());

        Assert.Equal(SocketError.ConnectionRefused, fromHost);
        Assert.Equal(SocketError.ConnectionRefused, fromIntruderLoopback);
        Assert.Equal(SocketError.ConnectionRefused, fromIntruderOverLan);
    }

    [Fact]
    public void A_namespace_that_does_not_exist_is_refused_by_name()
    {
        var connector = NamespaceConnector.Enter("vmre-" + HostView.NewRunId() + "-t1");

        Assert.False(connector.IsOk);
        Assert.Contains("no network namespace", connector.Error);
    }

    /// <summary>
    /// A host port bound but not listening: while held, nothing on the host can listen on it, so a
    /// connection to 127.0.0.1:PORT from the host is refused for sure.
    /// </summary>
    private static Socket HostPortWithNoListener()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static int PortOf(Socket bound) => ((IPEndPoint)bound.LocalEndPoint!).Port;

    private static async Task ConnectOnHost(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
    }

    private static async Task<SocketError?> Refusal(Func<Task> connect)
    {
        try { await connect(); return null; }
        catch (SocketException e) { return e.SocketErrorCode; }
    }
}
