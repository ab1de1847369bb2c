using Vmre.Common.Serialization;
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
        app.MapGet(TerminalRoutes.State, () => new TerminalState(identity.TerminalId, booth.Polls.ToString(), booth.State.ToString(),
            booth.Message, booth.Paper.ToString(), booth.Alerts.Recent(), booth.LastSession));
        app.MapPost(TerminalRoutes.Activation, (ActivationRequest request) => Answer(booth.Activate(request.Code ?? "")));
        app.MapGet(TerminalRoutes.Ballot, () => Answer(booth.Ballot()));
        app.MapGet(TerminalRoutes.Review, () => Answer(booth.CurrentReview()));
        app.MapPost(TerminalRoutes.Selection, (SelectionRequest request) => Answer(booth.Select(request)));
        app.MapPost(TerminalRoutes.Confirm, () => Answer(booth.Confirm()));
        app.MapPost(TerminalRoutes.Accept, () => Answer(booth.Accept()));
        app.MapPost(TerminalRoutes.Reject, () => Answer(booth.Reject()));
        app.MapPost(TerminalRoutes.Cancel, () => Answer(booth.Cancel()));
        app.MapPost(TerminalRoutes.StillHere, () => { booth.Touch(); return Results.NoContent(); });
        app.MapPost(TerminalRoutes.ClearFault, (OfficialPin request) => Answer(booth.ClearFault(request.Pin ?? "")));
        app.MapPost(TerminalRoutes.EndSession, (OfficialPin request) => Answer(booth.EndInterruptedSession(request.Pin ?? "")));
        app.MapPost(TerminalRoutes.ModuleCommand, (SignedDocument command) => Answer(desk.Handle(command)));
    }

    private static IResult Answer<T>(Parsed<T> result) =>
        result.IsOk ? Results.Json(result.Value, Common.Serialization.VmreJson.Options)
                  : Results.Json(new ErrorBody(result.Error!), Common.Serialization.VmreJson.Options, statusCode: 409);
}
