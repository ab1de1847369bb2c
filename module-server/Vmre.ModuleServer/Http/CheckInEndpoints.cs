using Vmre.Common.Protocol;
using Vmre.ModuleServer.Officials;
using Vmre.ModuleServer.Voters;

namespace Vmre.ModuleServer.Http;

public static class CheckInEndpoints
{
    public static void Map(WebApplication app, OfficialSessions sessions, CheckInDesk desk)
    {
        app.MapPost(ServerRoutes.CheckInLookup, async (HttpRequest request) =>
        {
            var (official, refusal) = DeskAuthorization.Check(request, sessions);
            if (refusal is not null) return refusal;
            var body = await HttpJson.Read<CheckInLookupRequest>(request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            return HttpJson.Ok(desk.Lookup(body.Value!, official!));
        });

        app.MapPost(ServerRoutes.CheckInConfirm, async (HttpRequest request) =>
        {
            var (official, refusal) = DeskAuthorization.Check(request, sessions);
            if (refusal is not null) return refusal;
            var body = await HttpJson.Read<CheckInConfirmRequest>(request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            return HttpJson.Ok(desk.Confirm(body.Value!, official!));
        });
    }
}
