using System.Net.Sockets;
using System.Text;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Lan;

/// <summary>
/// Issue 8 point 1 on the module server: the desk (sign-in, check-in with voter names, opening and
/// closing) is served on the kiosk face, loopback only; terminals redeem on the LAN face, mutual
/// TLS, and only as the terminal their certificate proves.
/// </summary>
public sealed class ModuleServerFacesTests
{
    [Fact]
    public async Task The_desk_is_not_on_the_LAN_face_for_a_paired_terminal()
    {
        await using var module = await TestModule.Started();
        var lan = module.TerminalHttp("T1");
        // The desk API is on the LAN face for paired consoles only (issue 8 point 1): a terminal is refused.
        foreach (var route in new[] { ServerRoutes.OfficialSession, ServerRoutes.CheckInLookup, ServerRoutes.CheckInConfirm, ServerRoutes.PollsOpen, ServerRoutes.PollsClose })
        {
            using var response = await lan.PostAsync(route, new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.True(403 == (int)response.StatusCode, $"{route} answered {(int)response.StatusCode} on the LAN face");
        }
        foreach (var route in new[] { ServerRoutes.Status, ServerRoutes.Log, ServerRoutes.Terminals })
        {
            using var response = await lan.GetAsync(route);
            Assert.True(403 == (int)response.StatusCode, $"{route} answered {(int)response.StatusCode} on the LAN face");
        }
        // The desk page itself is served on kiosk faces only (the server's, a console's).
        using (var page = await lan.GetAsync("/desk/")) Assert.Equal(404, (int)page.StatusCode);
    }

    [Fact]
    public async Task Redemption_is_not_on_the_kiosk_face()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var token = await module.CheckIn(await module.SignIn(), TestElection.Voters[0].Clave);
        using var response = await module.Http.PostAsync(ServerRoutes.RedeemActivation,
            new ByteArrayContent(Vmre.Common.Serialization.VmreJson.Bytes(module.Redeem(token, "T1"))));
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(0, (await module.Status()).ActivationsRedeemed);
    }

    [Fact]
    public async Task A_terminal_cannot_redeem_in_another_terminals_name_over_its_own_connection()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var token = await module.CheckIn(await module.SignIn(), TestElection.Voters[0].Clave);
        // T1's connection, a request signed by T2's key and naming T2: refused before the desk looks at it.
        using var response = await module.TerminalHttp("T1").PostAsync(ServerRoutes.RedeemActivation,
            new ByteArrayContent(Vmre.Common.Serialization.VmreJson.Bytes(module.Redeem(token, "T2"))));
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal(0, (await module.Status()).ActivationsRedeemed);
        Assert.True((await module.Terminal("T2").RedeemAsync(module.Redeem(token, "T2"))).Value!.Accepted);
    }

    [Fact]
    public async Task Plain_HTTP_to_the_LAN_face_gets_no_HTTP_answer()
    {
        await using var module = await TestModule.Started();
        var lan = new Uri(module.App!.LanUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(lan.Host, lan.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {ServerRoutes.Status} HTTP/1.1\r\nHost: {lan.Authority}\r\n\r\n"));
        var buffer = new byte[512];
        int read;
        try { read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20)); }
        catch (IOException) { read = 0; }
        Assert.DoesNotContain("HTTP/1.1", Encoding.ASCII.GetString(buffer, 0, read));
        tcp.Close();
        Assert.True(await Vmre.TestSupport.Eventually.Holds(() => module.LogLines().Any(l => l.Contains("\"lan-peer-refused\"") && l.Contains("no TLS 1.3 handshake"))),
            "the plain-HTTP attempt was not logged");
    }

    [Theory]
    [InlineData("http://10.0.0.2:5000", "https://127.0.0.1:0", "--kiosk")]
    [InlineData("http://127.0.0.1:0", "http://127.0.0.1:0", "--lan")]
    public async Task A_face_on_the_wrong_address_refuses_the_start(string kiosk, string lan, string named)
    {
        await using var module = await TestModule.Prepare();
        var built = Vmre.ModuleServer.Hosting.ModuleServerApp.Build(module.Options() with { KioskUrl = kiosk, LanUrl = lan });
        Assert.False(built.IsOk);
        Assert.Contains(named, built.Error);
    }
}
