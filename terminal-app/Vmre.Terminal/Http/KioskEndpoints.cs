using Vmre.Common.Serialization;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Terminal.Session;
using Vmre.Terminal.Setup;

namespace Vmre.Terminal.Http;

/// <summary>
/// The kiosk face's HTTP surface (Faces/KioskFace, loopback only). The /api/ballot… endpoints are
/// exactly what the ballot page (wwwroot/index.html) calls; /api/official/… need the official's
/// card on the reader and their PIN. Module commands are not here: they come over the LAN face
/// (LanEndpoints). Refusals are 409 with a readable reason.
/// </summary>
public static class KioskEndpoints
{
    public static void Map(WebApplication app, TerminalIdentity identity, VotingBooth booth)
    {
        MapBallotPage(app, identity, booth.View, booth.Voter);
        MapOfficials(app, booth.Officials);
    }

    /// <summary>The ballot page's routes: the voter's steps and the state it polls.</summary>
    private static void MapBallotPage(WebApplication app, TerminalIdentity identity, BoothView view, VoterAtBooth voter)
    {
        app.MapGet(TerminalRoutes.State, () => view.For(identity.TerminalId));
        app.MapPost(TerminalRoutes.Activation, (ActivationRequest request) => Answers.Of(voter.Activate(request.Code ?? "")));
        app.MapGet(TerminalRoutes.Ballot, () => Answers.Of(voter.Ballot()));
        app.MapGet(TerminalRoutes.Review, () => Answers.Of(voter.CurrentReview()));
        app.MapPost(TerminalRoutes.Selection, (SelectionRequest request) => Answers.Of(voter.Select(request)));
        app.MapPost(TerminalRoutes.Confirm, () => Answers.Of(voter.Confirm()));
        app.MapPost(TerminalRoutes.Accept, () => Answers.Of(voter.Accept()));
        app.MapPost(TerminalRoutes.Reject, () => Answers.Of(voter.Reject()));
        app.MapPost(TerminalRoutes.Cancel, () => Answers.Of(voter.Cancel()));
        app.MapPost(TerminalRoutes.StillHere, () => { voter.StillHere(); return Results.NoContent(); });
    }

    /// <summary>The official's steps at the terminal: card on the reader and PIN (rules.md R8).</summary>
    private static void MapOfficials(WebApplication app, OfficialSteps officials)
    {
        app.MapPost(TerminalRoutes.ClearFault, (OfficialPin request) => Answers.Of(officials.ClearFault(request.Pin ?? "")));
        app.MapPost(TerminalRoutes.EndSession, (OfficialPin request) => Answers.Of(officials.EndInterruptedSession(request.Pin ?? "")));
    }
}
