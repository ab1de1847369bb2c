using Vmre.Common.Protocol;
using Microsoft.Extensions.FileProviders;
using QRCoder;
using Vmre.Firmware.Activation;
using Vmre.ModuleServer.Officials;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// The officials' desk screen (brief section 4: a local page in a kiosk browser) at
/// <c>/desk/</c>, served from <c>wwwroot/desk</c> next to the binary, and the QR picture of an
/// activation for the voter to carry to a terminal's scanner.
/// </summary>
public static class DeskPage
{
    public const string RequestPath = "/desk";

    // The page talks only to this server; nothing it shows may be cached (a code must not
    // linger: rules.md R2 and R4).
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// The page itself, on a kiosk face only: the server's own screen, or a console's loopback
    /// (issue 8 point 1), which forwards the page's <c>/api/</c> calls to the server's LAN face.
    /// </summary>
    public static void ServeFiles(IApplicationBuilder app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot", "desk");
        if (Directory.Exists(root))
        {
            var pages = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages, RequestPath = RequestPath });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = pages,
                RequestPath = RequestPath,
                OnPrepareResponse = context =>
                {
                    var headers = context.Context.Response.Headers;
                    headers.CacheControl = "no-store";
                    headers.ContentSecurityPolicy = Policy;
                    headers.XContentTypeOptions = "nosniff";
                },
            });
        }
    }

    /// <summary>The activation's QR picture: on the server's kiosk face and, for desk consoles, its LAN face.</summary>
    public static void MapActivationQr(IEndpointRouteBuilder app, OfficialSessions sessions, DeskCards cards, string moduleId)
    {
        // GET so the page can fetch it simply; it needs the desk's bearer like check-in itself.
        // The code is never logged: not in the event log, and the host logs no request lines.
        app.MapGet(ServerRoutes.ActivationQr, (HttpRequest request, HttpResponse response) =>
        {
            var (_, refusal) = DeskAuthorization.Check(request, sessions, cards);
            if (refusal is not null) return refusal;
            var code = request.Query["code"].ToString();
            var token = ActivationTokenDecoder.Decode(code);
            if (!token.Ok) return HttpJson.Error(StatusCodes.Status400BadRequest, "not an activation token: " + token.Reason);
            if (token.Token.ModuleId != moduleId)
                return HttpJson.Error(StatusCodes.Status400BadRequest, "the activation token is for another module");
            response.Headers.CacheControl = "no-store";
            return Results.Text(Svg(code), "image/svg+xml; charset=utf-8");
        });
    }

    /// <summary>The token as a QR symbol (ECC level M, quiet zone drawn), sized by its viewBox.</summary>
    public static string Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
