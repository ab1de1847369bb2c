using System.Net.Http.Headers;
using System.Text;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Http;

/// <summary>
/// Review: every endpoint answers malformed input with a 4xx and a reason, never a 500
/// (bad input is a reason for the official or the terminal to act on, not a crash).
/// </summary>
public class MalformedInputTests
{
    private static readonly string[] Bodies =
    [
        "", "{", "null", "[]", "42", "\"x\"", "{}", "{\"credentialId\":5,\"pin\":true}",
        "{\"credentialId\":null,\"pin\":null}", "{\"mrz\":null,\"clave\":null}", "{\"mrz\":\"\",\"clave\":\"\"}",
        "{\"mrz\":\"IDMEX\"}", "{\"mrz\":\"IDMEX<<<<<<<<<<<<<<<<<<<<<<<<<\\n\\n\"}",
        "{\"mrz\":\"" + new string('<', 5000) + "\"}", "{\"clave\":\"ÁÉÍÓÚÑ0000000000000\"}",
        "{\"token\":null,\"terminalId\":null,\"signature\":null}", "{\"token\":\"VMRE-A1|\",\"terminalId\":\"T1\",\"signature\":\"!!\"}",
        "{\"token\":\"" + new string('A', 10000) + "\",\"terminalId\":\"T1\",\"signature\":\"AAAA\"}",
        new string('[', 5000), "\uFEFF{}", "{\"clave\":\"\\u0000\"}",
        "{\"clave\":null,\"reason\":null}", "{\"clave\":\"ABCDEF00000000A000\",\"reason\":\"" + new string('r', 10000) + "\"}",
        "{\"clave\":\"ABCDEF00000000A000\",\"reason\":\"\\u0000\\n\"}",
    ];

    private static readonly string[] Posts =
        [ServerRoutes.OfficialSession, ServerRoutes.CheckInLookup, ServerRoutes.CheckInConfirm, ServerRoutes.PollsOpen, ServerRoutes.PollsClose, ServerRoutes.RedeemActivation,
         ServerRoutes.CheckInReissue];

    [Fact]
    public async Task Malformed_bodies_are_refused_with_a_reason_not_a_500()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var failures = new List<string>();
        foreach (var path in Posts)
        foreach (var body in Bodies)
        foreach (var type in new[] { "application/json", "text/plain" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", desk);
            // Redemption is served on the LAN face only, to a paired terminal (issue 8).
            var http = path == ServerRoutes.RedeemActivation ? module.TerminalHttp("T1") : module.Http;
            using var response = await http.SendAsync(request);
            if ((int)response.StatusCode >= 500)
                failures.Add($"{path} {type} {body[..Math.Min(body.Length, 40)]} -> {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("VMRE-A1|MRV-CHI|E05|00|AA")]
    [InlineData("VMRE-A1||||")]
    public async Task Activation_qr_with_a_bad_code_is_a_400(string code)
    {
        await using var module = await TestModule.Started();
        var desk = await module.SignIn();
        using var request = new HttpRequestMessage(HttpMethod.Get, ServerRoutes.ActivationQr + "?code=" + Uri.EscapeDataString(code));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", desk);
        using var response = await module.Http.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_not_a_500()
    {
        await using var module = await TestModule.Started();
        // Raw socket: announce a 31 MB body (Kestrel's limit is 30 MB) and read the answer.
        var uri = module.Http.BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/officials/session HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\nContent-Length: {31 * 1024 * 1024}\r\n\r\n{{";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);
        var statusLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        Assert.Equal("HTTP/1.1 413 Payload Too Large", statusLine);
    }
}
