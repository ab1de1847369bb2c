using Vmre.Terminal.Http;

namespace Vmre.Terminal.Hosting;

/// <summary>The terminal's web app: the ballot page (wwwroot) and the HTTP API, on the given URLs.</summary>
public static class TerminalWeb
{
    public static WebApplication Create(string urls, TerminalParts parts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var pages = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = pages });
        TerminalEndpoints.Map(app, parts.Identity, parts.Booth, parts.Desk);
        return app;
    }
}
