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
        app.MapPost(ServerRoutes.RedeemActivation, async (HttpRequest request) =>
        {
            var body = await HttpJson.Read<RedeemRequest>(request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            return HttpJson.Ok(redemption.Redeem(body.Value!));
        }).WithMetadata(new WhenPollsShut(async (http, reason) =>
        {
            var body = await HttpJson.Read<RedeemRequest>(http.Request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            return HttpJson.Ok(redemption.PollsShut(body.Value!, reason));
        }));
    }
}
