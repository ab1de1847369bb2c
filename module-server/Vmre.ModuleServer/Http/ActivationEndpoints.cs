using Vmre.Common.Protocol;
using Vmre.ModuleServer.Activations;

namespace Vmre.ModuleServer.Http;

public static class ActivationEndpoints
{
    /// <summary>
    /// Terminals redeem here. A refusal is an ordinary answer (Accepted=false and the reason),
    /// so the terminal shows its generic message and the server has logged why (rules.md R4).
    /// <paramref name="app"/> is the group behind <see cref="OpenPollsFilter"/> (ModuleServerApp);
    /// while the polls are not open the refusal is signed like any other.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app, RedemptionDesk redemption)
    {
        app.MapPost(ServerRoutes.RedeemActivation, async (HttpContext http) =>
        {
            var body = await HttpJson.Read<RedeemRequest>(http.Request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            // Issue 8 point 2: the terminal named in the request is the one the TLS handshake proved.
            if (body.Value!.TerminalId != LanPeerFilter.Peer(http).DeviceId)
                return HttpJson.Error(StatusCodes.Status403Forbidden, "the request names another terminal than the connection's certificate");
            var committed = redemption.Redeem(body.Value!);
            // Issue 11 point 2: a burn the disk could not take changed nothing; the terminal may retry.
            return committed.Answer is { } answer ? HttpJson.Ok(answer) : HttpJson.Error(StatusCodes.Status503ServiceUnavailable, committed.Unwritten!);
        }).WithMetadata(new WhenPollsShut(async (http, reason) =>
        {
            var body = await HttpJson.Read<RedeemRequest>(http.Request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            return HttpJson.Ok(redemption.PollsShut(body.Value!, reason));
        }));
    }
}
