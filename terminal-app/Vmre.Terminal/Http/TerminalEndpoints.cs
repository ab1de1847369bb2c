using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Session;
using Vmre.Terminal.Setup;

namespace Vmre.Terminal.Http;

/// <summary>
/// The terminal's HTTP surface. The /api/ballot… endpoints are exactly what the ballot page
/// (wwwroot/index.html) calls; /api/module/command is for the module server only and obeys
/// nothing that its key did not sign. Refusals are 409 with a readable reason.
/// </summary>
public static class TerminalEndpoints
{
    public static void Map(WebApplication app, TerminalIdentity identity, VotingBooth booth, ModuleCommandDesk desk)
    {
        app.MapGet("/api/state", () =>
            new TerminalState(identity.TerminalId, booth.Polls.ToString(), booth.State.ToString(), booth.Message));
        app.MapPost("/api/activation", (ActivationRequest request) => Answer(booth.Activate(request.Code ?? "")));
        app.MapGet("/api/ballot", () => Answer(booth.Ballot()));
        app.MapPost("/api/selection", (SelectionRequest request) => Answer(booth.Select(request)));
        app.MapPost("/api/confirm", () => Answer(booth.Confirm()));
        app.MapPost("/api/accept", () => Answer(booth.Accept()));
        app.MapPost("/api/cancel", () => Answer(booth.Cancel()));
        app.MapPost("/api/module/command", (SignedDocument command) => Answer(desk.Handle(command)));
    }

    private static IResult Answer<T>(BoothResult<T> result) =>
        result.Ok ? Results.Json(result.Value, Common.Serialization.VmreJson.Options)
                  : Results.Json(new ErrorBody(result.Refusal!), Common.Serialization.VmreJson.Options, statusCode: 409);
}
