using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.ModuleServer.OpeningAndClosing;
using Vmre.ModuleServer.Polls;

namespace Vmre.ModuleServer.Http;

public static class PollsEndpoints
{
    public static void Map(IEndpointRouteBuilder app, PollsController polls)
    {
        // Issue 11 point 1: no credential or PIN in the body any more. The group's filter let in a
        // presidente/secretario session whose card is on the reader now (DeskSignInFilter).
        // (HttpRequest, not HttpContext: a lambda of HttpContext alone would bind as a bare
        // RequestDelegate, which skips the filters and drops the answer.)
        app.MapPost(ServerRoutes.PollsOpen, async (HttpRequest request) =>
            Answer(await polls.Open(DeskSignInFilter.Official(request.HttpContext), CancellationToken.None)));

        // Not tied to the request: once the polls are closed the count must finish even
        // if the official's browser goes away (rules.md R6).
        app.MapPost(ServerRoutes.PollsClose, async (HttpRequest request) =>
            Answer(await polls.Close(DeskSignInFilter.Official(request.HttpContext), CancellationToken.None)));
    }

    private static IResult Answer<T>(Parsed<T> answer) where T : class => answer.IsOk
        ? HttpJson.Ok(answer.Value!)
        : answer.Kind switch
        {
            RefusalKind.Unauthorized => HttpJson.Error(StatusCodes.Status401Unauthorized, answer.Error!),
            RefusalKind.Locked => HttpJson.Error(StatusCodes.Status423Locked, answer.Error!),
            RefusalKind.Forbidden => HttpJson.Error(StatusCodes.Status403Forbidden, answer.Error!),
            RefusalKind.Conflict when answer.Value is not null => HttpJson.Status(StatusCodes.Status409Conflict, answer.Value),
            RefusalKind.Conflict or RefusalKind.Invalid => HttpJson.Error(StatusCodes.Status409Conflict, answer.Error!),
            _ => throw new ArgumentOutOfRangeException(nameof(answer), answer.Kind, "unknown refusal"),
        };
}
