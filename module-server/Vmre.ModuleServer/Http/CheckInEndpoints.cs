using Vmre.Common.Protocol;
using Vmre.ModuleServer.Voters;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// The check-in desk. <paramref name="app"/> is the desk's group behind <see cref="DeskSignInFilter"/>
/// and <see cref="OpenPollsFilter"/> (ModuleServerApp), so each endpoint here runs signed in and
/// with the polls open, and says here only how it refuses when they are not.
/// </summary>
public static class CheckInEndpoints
{
    public static void Map(IEndpointRouteBuilder app, CheckInDesk desk, ReissueDesk reissue)
    {
        app.MapPost(ServerRoutes.CheckInLookup, async (HttpRequest request) =>
        {
            var body = await HttpJson.Read<CheckInLookupRequest>(request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            return HttpJson.Ok(desk.Lookup(body.Value!, DeskSignInFilter.Official(request.HttpContext)));
        }).WithMetadata(new WhenPollsShut(async (http, reason) =>
        {
            var body = await HttpJson.Read<CheckInLookupRequest>(http.Request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            return HttpJson.Ok(desk.PollsShut(DeskSignInFilter.Official(http), reason));
        }));

        app.MapPost(ServerRoutes.CheckInConfirm, async (HttpRequest request) =>
        {
            var body = await HttpJson.Read<CheckInConfirmRequest>(request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            return Answer(desk.Confirm(body.Value!, DeskSignInFilter.Official(request.HttpContext)));
        }).WithMetadata(new WhenPollsShut(async (http, reason) =>
        {
            var body = await HttpJson.Read<CheckInConfirmRequest>(http.Request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            return HttpJson.Ok(desk.PollsShut(body.Value!, DeskSignInFilter.Official(http), reason));
        }));

        // Issue 8 point 4: a lost or expired activation is voided and replaced, with a reason.
        app.MapPost(ServerRoutes.CheckInReissue, async (HttpRequest request) =>
        {
            var body = await HttpJson.Read<ActivationReissueRequest>(request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            return Answer(reissue.Reissue(body.Value!, DeskSignInFilter.Official(request.HttpContext)));
        }).WithMetadata(new WhenPollsShut(async (http, reason) =>
        {
            var body = await HttpJson.Read<ActivationReissueRequest>(http.Request);
            if (!body.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, body.Error!);
            return HttpJson.Ok(reissue.PollsShut(DeskSignInFilter.Official(http), reason));
        }));
    }

    /// <summary>Issue 11 point 2: a change the disk could not take is 503 with its reason; nothing changed.</summary>
    private static IResult Answer<T>(Vmre.ModuleServer.Storage.Committed<T> committed) where T : class =>
        committed.Answer is { } answer ? HttpJson.Ok(answer) : HttpJson.Error(StatusCodes.Status503ServiceUnavailable, committed.Unwritten!);
}
