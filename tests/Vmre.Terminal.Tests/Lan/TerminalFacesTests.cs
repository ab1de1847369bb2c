using System.Net.Sockets;
using System.Text;
using Vmre.Common.Lan;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Lan;

/// <summary>
/// Issue 8 point 1, the review's reproductions as regression tests: on main before issue 8, a
/// plain HTTP client on the module LAN read a voter's selection at /api/review, replaced it,
/// confirmed and accepted for them, or cancelled their session. The ballot endpoints now live on
/// the kiosk face (loopback only); the LAN face serves mutual TLS to the module server only and
/// maps nothing that reads or changes a voter's session.
/// </summary>
[Collection(SerialTimingCollection.Name)]
public sealed class TerminalFacesTests
{
    private static async Task<LiveTerminal> VoterReviewingPan()
    {
        var terminal = new LiveTerminal();
        await terminal.Start();
        Assert.True((await terminal.Command(ModuleCommandKind.ZeroReport)).IsOk);
        Assert.True((await terminal.Api.Activate(terminal.Election.Activation("E05"))).IsOk);
        Assert.True((await terminal.Api.Select(new SelectionRequest([new ContestSelection("GOB-05", ["PAN"], null)]))).IsOk);
        return terminal;
    }

    [Fact]
    public async Task Even_the_module_servers_own_connection_cannot_read_or_change_a_voters_session_on_the_LAN_face()
    {
        await using var terminal = await VoterReviewingPan();
        var lan = terminal.ServerHttp!; // the paired server's certificate: the most any LAN peer can hold
        foreach (var (method, route) in new[]
        {
            (HttpMethod.Get, TerminalRoutes.Review), (HttpMethod.Get, TerminalRoutes.Ballot), (HttpMethod.Post, TerminalRoutes.Selection),
            (HttpMethod.Post, TerminalRoutes.Confirm), (HttpMethod.Post, TerminalRoutes.Accept), (HttpMethod.Post, TerminalRoutes.Cancel),
            (HttpMethod.Post, TerminalRoutes.Reject), (HttpMethod.Post, TerminalRoutes.Activation), (HttpMethod.Post, TerminalRoutes.ClearFault),
        })
        {
            using var request = new HttpRequestMessage(method, route);
            if (method == HttpMethod.Post) request.Content = new StringContent("{\"contests\":[{\"contestId\":\"GOB-05\",\"partyCodes\":[\"MORENA\"]}]}", Encoding.UTF8, "application/json");
            using var response = await lan.SendAsync(request);
            Assert.True(404 == (int)response.StatusCode, $"{method} {route} answered {(int)response.StatusCode} on the LAN face");
        }
        var review = (await terminal.Api.Review()).ValueOrThrow();
        Assert.Contains("PAN", review.Lines.Single().Selection);
        Assert.Equal("Reviewing", (await terminal.Lan.State()).ValueOrThrow().Session);
    }

    [Fact]
    public async Task A_LAN_client_without_a_paired_certificate_is_refused_at_the_handshake_and_logged()
    {
        await using var terminal = await VoterReviewingPan();
        // No certificate at all, trusting anything the terminal shows.
        using var bare = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        }) { BaseAddress = new Uri(terminal.LanUrl) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => bare.GetAsync(TerminalRoutes.Review));
        // A certificate made by a key the config does not pin, posing as the module server.
        using var posing = LanIdentity.Mint(TestElection.ModuleId, SoftwareSigningKey.Generate(), TimeProvider.System);
        using var impostor = ServerOnLan.Client(posing, terminal.Identity.PublicKeyPem, terminal.LanUrl);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => impostor.PostAsync(TerminalRoutes.Cancel, null));
        var log = File.ReadAllText(Path.Combine(terminal.DataDir, "events.jsonl"));
        Assert.Contains("\"lan-peer-refused\"", log);
        Assert.Contains("no certificate", log);
        Assert.Equal("Reviewing", terminal.Parts.Booth.View.State.ToString());
    }

    [Fact]
    public async Task Plain_HTTP_to_the_LAN_face_gets_no_HTTP_answer()
    {
        await using var terminal = await VoterReviewingPan();
        var lan = new Uri(terminal.LanUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(lan.Host, lan.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {TerminalRoutes.Review} HTTP/1.1\r\nHost: {lan.Authority}\r\n\r\n"));
        var buffer = new byte[512];
        int read;
        try { read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20)); }
        catch (IOException) { read = 0; }
        Assert.DoesNotContain("HTTP/1.1", Encoding.ASCII.GetString(buffer, 0, read));
        Assert.DoesNotContain("PAN", Encoding.ASCII.GetString(buffer, 0, read));
        tcp.Close();
        // ... and the attempt is logged when the connection ends (rules.md R7).
        var logPath = Path.Combine(terminal.DataDir, "events.jsonl");
        Assert.True(await Vmre.TestSupport.Eventually.Holds(() => File.ReadAllText(logPath).Contains("no TLS 1.3 handshake", StringComparison.Ordinal)),
            "the plain-HTTP attempt was not logged");
    }

    [Theory]
    [InlineData("http://10.0.0.11:5080")]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("https://127.0.0.1:5080")]
    public async Task A_kiosk_face_off_loopback_refuses_the_start_as_a_usage_error(string kiosk)
    {
        await using var terminal = new LiveTerminal();
        var options = new TerminalOptions(terminal.DataDir, "swtpm:host=127.0.0.1,port=1", null, kiosk, "https://127.0.0.1:1", "/dev/null", null, "chip");
        var error = new StringWriter();
        Assert.Equal(2, TerminalHost.Run(options, TextWriter.Null, error));
        Assert.Contains("--kiosk", error.ToString());
    }
}
