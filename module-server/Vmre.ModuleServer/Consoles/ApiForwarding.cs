using Vmre.Common.Logging;
using Vmre.ModuleServer.Http;

namespace Vmre.ModuleServer.Consoles;

/// <summary>
/// The console's kiosk face passes every <c>/api/</c> call of the desk page to the module server's
/// LAN face over mutual TLS (issue 8 point 1), with the official's bearer token, and hands the
/// answer back as it came. The console decides nothing: the server names it by its certificate
/// and answers by its pinned role, so an observers' console's check-in is refused there.
/// </summary>
public static class ApiForwarding
{
    // Only what the desk page sends and reads; nothing else crosses (no cookies, no host names).
    // Issue 11 design §3: the card's PRESENCE answer travels with each state change.
    private static readonly string[] RequestHeaders = ["Authorization", "Accept", Vmre.Common.Protocol.CardPresenceHeader.Name];
    private static readonly string[] ResponseHeaders = ["Cache-Control"];

    public static void Map(WebApplication app, HttpClient server, EventLog log)
    {
        app.Map("/api/{**rest}", async (HttpContext http) =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), http.Request.Path + http.Request.QueryString);
            foreach (var name in RequestHeaders)
                if (http.Request.Headers.TryGetValue(name, out var value)) request.Headers.TryAddWithoutValidation(name, value.ToArray());
            if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body, http.RequestAborted);
                request.Content = new ByteArrayContent(body.ToArray());
                if (http.Request.ContentType is { } type) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
            try
            {
                using var answer = await server.SendAsync(request, http.RequestAborted);
                var bytes = await answer.Content.ReadAsByteArrayAsync(http.RequestAborted);
                http.Response.StatusCode = (int)answer.StatusCode;
                foreach (var name in ResponseHeaders)
                    if (answer.Headers.TryGetValues(name, out var values)) http.Response.Headers[name] = values.ToArray();
                if (answer.Content.Headers.ContentType is { } contentType) http.Response.ContentType = contentType.ToString();
                await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
                return Results.Empty;
            }
            catch (HttpRequestException e)
            {
                // A refused handshake was already logged as lan-peer-refused by the TLS check.
                log.Append("console-server-unreachable", null, new() { ["route"] = LogText.Untrusted(http.Request.Path.Value), ["reason"] = e.Message });
                return HttpJson.Error(StatusCodes.Status502BadGateway, "the module server did not answer over mutual TLS: " + e.Message);
            }
            catch (TaskCanceledException) when (!http.RequestAborted.IsCancellationRequested)
            {
                log.Append("console-server-unreachable", null, new() { ["route"] = LogText.Untrusted(http.Request.Path.Value), ["reason"] = "timed out" });
                return HttpJson.Error(StatusCodes.Status504GatewayTimeout, "the module server did not answer in time");
            }
        });
    }
}
