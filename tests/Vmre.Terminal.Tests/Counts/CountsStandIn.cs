using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Vmre.Common.Closing;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Counts;

/// <summary>
/// The module server's POST /api/terminals/counts reduced to what the reporter needs (issue 10
/// point 3): real Kestrel, mutual TLS with the paired terminal only (ServerOnLan); each report's
/// leaf must be the connection's own certificate and the report must verify under it, as
/// CountReportDesk checks. Keeps the reports it took, in arrival order.
/// </summary>
public sealed class CountsStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<CountReport> _reports = [];

    private CountsStandIn(WebApplication app) => _app = app;

    public string Url => _app.Urls.First().TrimEnd('/');

    public IReadOnlyList<CountReport> Reports
    {
        get { lock (_reports) return _reports.ToArray(); }
    }

    public static async Task<CountsStandIn> Start(TestElection election, string terminalPublicPem)
    {
        var builder = WebApplication.CreateSlimBuilder();
        ServerOnLan.Listen(builder, ServerOnLan.Identity(election), terminalPublicPem);
        var app = builder.Build();
        var standIn = new CountsStandIn(app);
        app.MapPost(ServerRoutes.CountReport, async (HttpContext http) =>
        {
            var body = await http.Request.ReadFromJsonAsync<SignedCountReport>(VmreJson.Options);
            var tls = http.Connection.ClientCertificate!;
            if (body is null || Convert.ToBase64String(tls.RawData) != body.Certificate) return Results.StatusCode(403);
            using var leafKey = System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions.GetECDsaPublicKey(tls)!;
            var report = body.Report.Open<CountReport>(Vmre.Common.Signing.DocumentKinds.CountReport,
                Vmre.Common.Signing.PublicKey.FromPem(leafKey.ExportSubjectPublicKeyInfoPem()));
            if (!report.IsOk) return Results.StatusCode(403);
            lock (standIn._reports) standIn._reports.Add(report.Value!);
            return Results.Json(new CountReportAnswer(true, null), VmreJson.Options);
        });
        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
