using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Officials;

namespace Vmre.ModuleServer.Http;

public static class OfficialEndpoints
{
    public static void Map(IEndpointRouteBuilder app, OfficialSessions sessions, EventLog log)
    {
        app.MapDelete(ServerRoutes.OfficialSession, (HttpRequest request) =>
        {
            var official = sessions.SignOut(DeskAuthorization.Bearer(request));
            if (official is null) return HttpJson.Error(StatusCodes.Status401Unauthorized, "no such session");
            log.Append("official-signed-out", official.Actor);
            return Results.NoContent();
        });

        app.MapPost(ServerRoutes.OfficialSession, async (HttpRequest request) =>
        {
            var credential = await HttpJson.Read<OfficialCredential>(request);
            if (!credential.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, credential.Error!);
            var (outcome, session) = sessions.SignIn(credential.Value!);
            return outcome.Status switch
            {
                SignInStatus.Ok => HttpJson.Ok(session!),
                SignInStatus.Refused => HttpJson.Error(StatusCodes.Status401Unauthorized, outcome.Reason!),
                SignInStatus.Locked => HttpJson.Error(StatusCodes.Status423Locked, outcome.Reason!),
                _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "unknown sign-in status"),
            };
        });
    }
}
