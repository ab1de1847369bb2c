using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Edges;

/// <summary>
/// Issue 11 point 2 (review reproduction "log flooding"): on main one 8 MB credentialId grew the
/// server log by 8 MB and one 8 MB terminalId at /api/activations/redeem by 24 MB, each line
/// fsynced. Now every face has Kestrel limits and the JSON reader a 16 KiB bound: the request is
/// refused 413 and leaves one short line.
/// </summary>
public sealed class OversizedRequestTests
{
    private const int EightMb = 8 * 1024 * 1024;
    private const long MaxLogGrowth = 2 * 1024;

    [Fact]
    public async Task An_8_MB_credential_id_is_refused_and_the_log_grows_by_under_2_KB()
    {
        await using var module = await TestModule.Started();
        var before = LogLength(module);
        var body = $"{{\"credentialId\":\"{new string('A', EightMb)}\",\"pin\":\"1234\"}}";
        var status = await Send(module.Http, ServerRoutes.OfficialSession, body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.InRange(LogLength(module) - before, 1, MaxLogGrowth);
        Assert.Single(module.LogLines(), l => l.Contains("\"request-refused\"") && l.Contains("\"status\":\"413\""));
    }

    [Fact]
    public async Task An_8_MB_terminal_id_at_redemption_is_refused_and_the_log_grows_by_under_2_KB()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var activation = await module.CheckIn(await module.SignIn(), TestElection.Voters[0].Clave);
        var before = LogLength(module);
        var body = $"{{\"token\":\"{activation}\",\"terminalId\":\"{new string('T', EightMb)}\",\"challenge\":\"00\",\"signature\":\"\"}}";
        var status = await Send(module.TerminalHttp("T1"), ServerRoutes.RedeemActivation, body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.InRange(LogLength(module) - before, 1, MaxLogGrowth);
        // Nothing was burned: the real terminal still redeems the activation.
        Assert.True((await module.Terminal("T1").RedeemAsync(module.Redeem(activation, "T1"))).Value!.Accepted);
    }

    [Fact]
    public async Task A_long_terminal_id_under_the_body_limit_reaches_the_log_only_as_a_hash()
    {
        // Polls not yet open: the refusal path checks the named terminal and logs the one it does not know.
        await using var module = await TestModule.Started();
        var longId = new string('T', 12 * 1024);
        var before = LogLength(module);
        var answer = (await module.Terminal("T1").RedeemAsync(new RedeemRequest("VMRE-A2|x", longId, "00", ""))).Value!;
        Assert.False(answer.Accepted);
        Assert.InRange(LogLength(module) - before, 1, MaxLogGrowth);
        var line = Assert.Single(module.LogLines(), l => l.Contains("\"activation-refused\"") && l.Contains("is not paired"));
        Assert.Contains(Vmre.Common.Logging.LogText.Untrusted(longId), line);
        Assert.DoesNotContain(new string('T', 65), line);
    }

    [Fact]
    public async Task Oversized_headers_and_request_lines_are_refused_by_the_listener()
    {
        await using var module = await TestModule.Started();
        using var headers = new HttpRequestMessage(HttpMethod.Get, ServerRoutes.Status);
        headers.Headers.Add("X-Flood", new string('h', 20 * 1024));
        using (var response = await module.Http.SendAsync(headers))
            Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        using (var response = await module.Http.GetAsync(ServerRoutes.Status + "?" + new string('q', 8 * 1024)))
            Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        // The server still answers an ordinary request, and logged each refusal once, by its status.
        Assert.NotNull(await module.Status());
        Assert.Single(module.LogLines(), l => l.Contains("\"request-refused\"") && l.Contains("\"status\":\"431\""));
        Assert.Single(module.LogLines(), l => l.Contains("\"request-refused\"") && l.Contains("\"status\":\"414\""));
    }

    /// <summary>Posts with Expect: 100-continue, as curl does for a large body: the server's 413 comes before the body is sent.</summary>
    private static async Task<HttpStatusCode> Send(HttpClient http, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.ExpectContinue = true;
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static long LogLength(TestModule module) => new FileInfo(Path.Combine(module.Dir, "events.jsonl")).Length;
}
