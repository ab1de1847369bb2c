using Vmre.Common.Lan;
using Vmre.Common.Logging;
using Vmre.Terminal.Hosting;
using Vmre.Terminal.Http;

namespace Vmre.Terminal.Faces;

/// <summary>
/// The terminal's kiosk face (issue 8 point 1): the ballot page and its endpoints, the officials'
/// screen at the terminal and the full state. It listens on a loopback address only and answers
/// only connections from the terminal itself: whatever reads or changes a voter's session is out
/// of the module LAN's reach (review finding: a plain client on the LAN replaced a voter's
/// selection through /api/review, /api/selection, /api/confirm and /api/accept).
/// </summary>
public static class KioskFace
{
    public static WebApplication Create(string kioskUrl, TerminalParts parts)
    {
        var url = FaceAddress.Kiosk("--kiosk", kioskUrl);
        if (!url.IsOk) throw new TerminalStartupException(url.Error!, usageError: true);
        var builder = WebApplication.CreateSlimBuilder();
        // Issue 11 point 4: request bodies bound by ASP.NET get the one strict reading too.
        builder.Services.ConfigureHttpJsonOptions(json => Vmre.Common.Serialization.VmreJson.ConfigureReading(json.SerializerOptions));
        builder.WebHost.UseUrls(url.Value!);
        // Issue 11 point 2: bounded bodies, headers and request line on every face.
        builder.WebHost.ConfigureKestrel(kestrel => RequestLimits.Apply(kestrel.Limits));
        builder.Logging.ClearProviders();
        ListenerRefusals.AddTo(builder.Logging, parts.Log);
        var app = builder.Build();
        app.UseLoopbackOnly(remote => parts.Log.Append("kiosk-refused", null, new() { ["remote"] = remote }));
        app.UseBoundedBodies(parts.Log);
        var pages = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = pages });
        KioskEndpoints.Map(app, parts.Identity, parts.Booth);
        return app;
    }
}
