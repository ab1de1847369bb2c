using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Officials;

namespace Vmre.ModuleServer.Tests.Edges;

/// <summary>
/// Issue 11 point 7, the review's "log flooding" reproduction against the module server as its own
/// process (the built vmre-module-server, its key in swtpm, its desk reader on a pty): on main one
/// 8 MB credentialId at the sign-in grew the log by 8 MB. Now the listener refuses the body 413 and
/// the log gains one short line; the server then signs the official in as usual.
/// </summary>
public sealed class OversizedAtServerProcessTests
{
    [Fact]
    public async Task The_server_process_refuses_an_8_MB_credential_id_and_its_log_grows_by_under_2_KB()
    {
        await using var server = await ServerProcess.Start();
        var log = Path.Combine(server.Module.Dir, "events.jsonl");
        var before = new FileInfo(log).Length;
        var json = "{\"cardAnswer\":{\"credentialId\":\"" + new string('A', 8 * 1024 * 1024) + "\",\"challengeId\":\"x\",\"verdict\":1,\"signature\":\"\"}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, ServerRoutes.OfficialSession) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.ExpectContinue = true;
        using var answer = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        var growth = new FileInfo(log).Length - before;
        Assert.InRange(growth, 1, 2 * 1024);
        Assert.Contains(File.ReadLines(log), l => l.Contains("\"request-refused\"") && l.Contains("\"status\":\"413\""));
        Assert.DoesNotContain(File.ReadLines(log), l => l.Contains(new string('A', 65)));
    }
}
