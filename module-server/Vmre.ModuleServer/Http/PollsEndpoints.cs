using Vmre.Common.Protocol;
using Vmre.ModuleServer.OpeningAndClosing;

namespace Vmre.ModuleServer.Http;

public static class PollsEndpoints
{
    public static void Map(WebApplication app, PollsController polls)
    {
        app.MapPost("/api/polls/open", async (HttpRequest request) =>
        {
            var credential = await HttpJson.Read<OfficialCredential>(request);
            if (!credential.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, credential.Error!);
            return Answer(await polls.Open(credential.Value!, CancellationToken.None));
        });

        app.MapPost("/api/polls/close", async (HttpRequest request) =>
        {
            var credential = await HttpJson.Read<OfficialCredential>(request);
            if (!credential.IsOk) return HttpJson.Error(StatusCodes.Status400BadRequest, credential.Error!);
            // Not tied to the request: once the polls are closed the count must finish even
            // if the official's browser goes away (brief rule 6).
            return Answer(await polls.Close(credential.Value!, CancellationToken.None));
        });
    }

    private static IResult Answer<T>(PollsAnswer<T> answer) where T : class => answer.Refusal switch
    {
        PollsRefusal.None => HttpJson.Ok(answer.Body!),
        PollsRefusal.BadCredential => HttpJson.Error(StatusCodes.Status401Unauthorized, answer.Reason!),
        PollsRefusal.Locked => HttpJson.Error(StatusCodes.Status423Locked, answer.Reason!),
        PollsRefusal.Forbidden => HttpJson.Error(StatusCodes.Status403Forbidden, answer.Reason!),
        PollsRefusal.Conflict when answer.Body is not null => HttpJson.Status(StatusCodes.Status409Conflict, answer.Body),
        PollsRefusal.Conflict => HttpJson.Error(StatusCodes.Status409Conflict, answer.Reason!),
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer.Refusal, "unknown refusal"),
    };
}
