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
        MapBallotPage(app, identity, booth.View, booth.Voter);
        MapOfficials(app, booth.Officials);
        app.MapPost(TerminalRoutes.ModuleChallenge, () => Results.Json(desk.Challenge(), Common.Serialization.VmreJson.Options));
        app.MapPost(TerminalRoutes.ModuleCommand, (SignedDocument command) => Answer(desk.Handle(command)));
    }

    /// <summary>The ballot page's routes: the voter's steps and the state it polls.</summary>
    private static void MapBallotPage(WebApplication app, TerminalIdentity identity, BoothView view, VoterAtBooth voter)
    {
        app.MapGet(TerminalRoutes.State, () => view.For(identity.TerminalId));
        app.MapPost(TerminalRoutes.Activation, (ActivationRequest request) => Answer(voter.Activate(request.Code ?? "")));
        app.MapGet(TerminalRoutes.Ballot, () => Answer(voter.Ballot()));
        app.MapGet(TerminalRoutes.Review, () => Answer(voter.CurrentReview()));
        app.MapPost(TerminalRoutes.Selection, (SelectionRequest request) => Answer(voter.Select(request)));
        app.MapPost(TerminalRoutes.Confirm, () => Answer(voter.Confirm()));
        app.MapPost(TerminalRoutes.Accept, () => Answer(voter.Accept()));
        app.MapPost(TerminalRoutes.Reject, () => Answer(voter.Reject()));
        app.MapPost(TerminalRoutes.Cancel, () => Answer(voter.Cancel()));
        app.MapPost(TerminalRoutes.StillHere, () => { voter.StillHere(); return Results.NoContent(); });
    }

    /// <summary>The official's steps at the terminal: card on the reader and PIN (rules.md R8).</summary>
    private static void MapOfficials(WebApplication app, OfficialSteps officials)
    {
        app.MapPost(TerminalRoutes.ClearFault, (OfficialPin request) => Answer(officials.ClearFault(request.Pin ?? "")));
        app.MapPost(TerminalRoutes.EndSession, (OfficialPin request) => Answer(officials.EndInterruptedSession(request.Pin ?? "")));
    }

    private static IResult Answer<T>(Parsed<T> result) =>
        result.IsOk ? Results.Json(result.Value, Common.Serialization.VmreJson.Options)
                  : Results.Json(new ErrorBody(result.Error!), Common.Serialization.VmreJson.Options, statusCode: 409);
}
