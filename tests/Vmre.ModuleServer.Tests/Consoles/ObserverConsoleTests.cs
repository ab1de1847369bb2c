using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Consoles;

/// <summary>
/// Issue 8 point 1, rules.md R8: an observers' console is paired like a desk console and runs the
/// same program, but the server answers it by its pinned role: it reads, it never acts.
/// </summary>
public sealed class ObserverConsoleTests
{
    [Fact]
    public async Task An_observer_console_reads_status_and_the_log()
    {
        await using var consoles = await ConsoleModule.Started();
        var kiosk = await consoles.Run(ConsoleModule.Observer);
        var observer = new ModuleServerClient(kiosk);
        Assert.Equal(TestElection.ModuleId, (await observer.Status()).ValueOrThrow().ModuleId);
        Assert.Contains("module-server-started", (await observer.Log()).ValueOrThrow());
        Assert.Equal(2, (await observer.Terminals()).ValueOrThrow().Count);
        Assert.Empty(consoles.ServerRefusals());
    }

    [Fact]
    public async Task An_observer_consoles_check_in_sign_in_reissue_and_polls_open_are_403_and_logged()
    {
        await using var consoles = await ConsoleModule.Started();
        await consoles.Module.OpenPolls();
        // Even with a presidente's live session in hand, the observers' console cannot act.
        var bearer = await consoles.Module.SignIn();
        var clave = TestElection.Voters[0].Clave;
        var kiosk = await consoles.Run(ConsoleModule.Observer);
        var attempts = new (string Route, object Body)[]
        {
            (ServerRoutes.OfficialSession, new OfficialCredential("PRES-01", TestModule.Pin)),
            (ServerRoutes.CheckInLookup, new CheckInLookupRequest(null, clave)),
            (ServerRoutes.CheckInConfirm, CheckInConfirmRequest.Fresh(clave)),
            (ServerRoutes.CheckInReissue, new ActivationReissueRequest(clave, "boleta perdida")),
            (ServerRoutes.PollsOpen, new OfficialCredential("PRES-01", TestModule.Pin)),
            (ServerRoutes.PollsClose, new OfficialCredential("PRES-01", TestModule.Pin)),
        };
        foreach (var (route, body) in attempts)
        {
            Assert.True(403 == await ConsoleCalls.Post(kiosk, route, body, bearer), $"{route} was not refused to the observers' console");
            Assert.Contains(consoles.ServerRefusals(), l => l.Contains($"\"route\":\"{route}\"") && l.Contains($"\"peer\":\"{ConsoleModule.Observer}\"")
                && l.Contains("is paired as an observers"));
        }
        var status = await consoles.Module.Status();
        Assert.Equal(0, status.CheckedIn);
        Assert.Equal(PollsState.Open, status.State);
    }
}
