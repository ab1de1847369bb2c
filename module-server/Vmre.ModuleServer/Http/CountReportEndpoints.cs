using Vmre.Common.Closing;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Counting;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// Terminals post their count reports here (issue 10 point 3), on the LAN face behind
/// <see cref="LanPeerFilter.Terminals"/> only — not behind the polls gate: the report at polls
/// close arrives after the server stored its polls as closed. A refusal is a 403 with its reason.
/// </summary>
public static class CountReportEndpoints
{
    public static void Map(IEndpointRouteBuilder terminals, CountReportDesk desk)
    {
        terminals.MapPost(ServerRoutes.CountReport, async (HttpContext http) =>
        {
            var body = await HttpJson.Read<SignedCountReport>(http.Request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            var received = desk.Receive(body.Value, LanPeerFilter.Peer(http), http.Connection.ClientCertificate);
            return received.IsOk ? HttpJson.Ok(received.Value!) : HttpJson.Error(StatusCodes.Status403Forbidden, received.Error!);
        });
    }
}
