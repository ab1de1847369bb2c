using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Session;
using Vmre.Terminal.Setup;

namespace Vmre.Terminal.Http;

/// <summary>
/// The LAN face's HTTP surface (Faces/LanFace, mutual TLS with the module server only): module
/// commands, obeyed only when signed by the server's key, and the read-only state the desk shows
/// (no marks, no selection: rules.md R3). Nothing here reads or changes a voter's session.
/// </summary>
public static class LanEndpoints
{
    public static void Map(WebApplication app, TerminalIdentity identity, BoothView view, ModuleCommandDesk desk)
    {
        app.MapGet(TerminalRoutes.State, () => view.For(identity.TerminalId));
        app.MapPost(TerminalRoutes.ModuleChallenge, () => Results.Json(desk.Challenge(), Common.Serialization.VmreJson.Options));
        app.MapPost(TerminalRoutes.ModuleCommand, (SignedDocument command) => Answers.Of(desk.Handle(command)));
    }
}
