using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Session;
using Vmre.Terminal.Setup;

namespace Vmre.Terminal.Http;

/// <summary>
/// The terminal's HTTP surface. The /api/ballot… endpoints are exactly what the ballot page
/// (wwwroot/index.html) calls; /api/official/… need the official's card on the reader and their
/// PIN; /api/module/command is for the module server only and obeys nothing that its key did not
/// sign. Refusals are 409 with a readable reason.
/// </summary>
public static class TerminalEndpoints
{
    public static void Map(WebApplication app, TerminalIdentity identity, VotingBooth booth, ModuleCommandDesk desk)
    {
        app.MapGet(TerminalState.ApiPath, () => new TerminalState(identity.TerminalId, booth.Polls.ToString(), booth.State.ToString(),
            booth.Message, booth.Paper.ToString(), booth.Alerts.Recent(), booth.LastSession));
        app.MapPost("/api/activation", (ActivationRequest request) => Answer(booth.Activate(request.Code ?? "")));
        app.MapGet("/api/ballot", () => Answer(booth.Ballot()));
        app.MapGet("/api/review", () => Answer(booth.CurrentReview()));
        app.MapPost("/api/selection", (SelectionRequest request) => Answer(booth.Select(request)));
        app.MapPost("/api/confirm", () => Answer(booth.Confirm()));
        app.MapPost("/api/accept", () => Answer(booth.Accept()));
        app.MapPost("/api/reject", () => Answer(booth.Reject()));
        app.MapPost("/api/cancel", () => Answer(booth.Cancel()));
        app.MapPost("/api/still-here", () => { booth.Touch(); return Results.NoContent(); });
        app.MapPost("/api/official/clear", (OfficialPin request) => Answer(booth.ClearFault(request.Pin ?? "")));
        app.MapPost("/api/official/end-session", (OfficialPin request) => Answer(booth.EndInterruptedSession(request.Pin ?? "")));
        app.MapPost("/api/module/command", (SignedDocument command) => Answer(desk.Handle(command)));
    }

    private static IResult Answer<T>(BoothResult<T> result) =>
        result.Ok ? Results.Json(result.Value, Common.Serialization.VmreJson.Options)
                  : Results.Json(new ErrorBody(result.Refusal!), Common.Serialization.VmreJson.Options, statusCode: 409);
}

/// <summary>The PIN an official types on the terminal's screen; the card is read from the reader.</summary>
public sealed record OfficialPin(string? Pin);
