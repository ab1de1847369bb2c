using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Http;

namespace Vmre.ModuleServer.Consoles;

/// <summary>
/// The console's kiosk face passes every <c>/api/</c> call of the desk page to the module server's
/// LAN face over mutual TLS (issue 8 point 1), with the official's bearer token, and hands the
/// answer back as it came. The console decides nothing: the server names it by its certificate
/// and answers by its pinned role, so an observers' console's check-in is refused there.
/// With its own card reader (issue 11 design §3) the console does the card work the server's desk
/// reader does on the kiosk face: the page's <c>{"pin"}</c> sign-in becomes the card's answer to a
/// server challenge (the PIN never crosses), and each state change carries the card's PRESENCE.
/// </summary>
public static class ApiForwarding
{
    // Only what the desk page sends and reads; nothing else crosses (no cookies, no host names).
    // Issue 11 design §3: the card's PRESENCE answer travels with each state change.
    private static readonly string[] RequestHeaders = ["Authorization", "Accept", CardPresenceHeader.Name];
    private static readonly string[] ResponseHeaders = ["Cache-Control"];

    public static void Map(WebApplication app, HttpClient server, EventLog log, ConsoleCardReader? card)
    {
        app.Map("/api/{**rest}", async (HttpContext http) =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), http.Request.Path + http.Request.QueryString);
            foreach (var name in RequestHeaders)
                if (http.Request.Headers.TryGetValue(name, out var value)) request.Headers.TryAddWithoutValidation(name, value.ToArray());
            var path = http.Request.Path.Value ?? "";
            var signIn = HttpMethods.IsPost(http.Request.Method) && path == ServerRoutes.OfficialSession;
            if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body, http.RequestAborted);
                var bytes = body.ToArray();
                if (card is not null && signIn && ConsoleCardReader.PinIn(bytes) is { } pin)
                {
                    // Issue 11 design §3: the PIN goes to the card on this console's reader, never to the server.
                    Array.Clear(bytes);
                    Array.Clear(body.GetBuffer());
                    var answer = await card.SignInBody(pin, http.RequestAborted);
                    if (!answer.IsOk) return HttpJson.Error(StatusCodes.Status401Unauthorized, answer.Error!);
                    bytes = answer.Value!;
                }
                request.Content = new ByteArrayContent(bytes);
                if (http.Request.ContentType is { } type) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
            if (card is not null && NeedsPresence(http.Request, path, signIn))
            {
                // The console's reader is the only witness of the card here: the page's header is dropped.
                request.Headers.Remove(CardPresenceHeader.Name);
                if (await card.PresenceHeader(http.RequestAborted) is { } presence) request.Headers.TryAddWithoutValidation(CardPresenceHeader.Name, presence);
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

    /// <summary>
    /// A signed-in official's state change (issue 11 point 1): every non-GET call but the sign-in and
    /// the challenge themselves, and the look-up, which changes nothing (as <see cref="ModuleServerClient"/> does).
    /// </summary>
    private static bool NeedsPresence(HttpRequest request, string path, bool signIn) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !signIn
        && path != ServerRoutes.OfficialChallenge && path != ServerRoutes.CheckInLookup
        && request.Headers.Authorization.Count > 0;
}
