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
        var anonymous = new ModuleServerClient(kiosk);
        Assert.Equal(TestElection.ModuleId, (await anonymous.Status()).ValueOrThrow().ModuleId);
        // Issue 11 point 1: the log names credentials, so it needs a session; observers sign in read-only.
        Assert.False((await anonymous.Log()).IsOk);
        var observer = await TestModule.SignedInClient(kiosk, consoles.Module.Cards["OBS-01"]);
        Assert.Contains("module-server-started", (await observer.Log()).ValueOrThrow());
        Assert.Equal(2, (await observer.Terminals()).ValueOrThrow().Count);
        Assert.Empty(consoles.ServerRefusals());
    }

    [Fact]
    public async Task An_observer_consoles_check_in_unlock_reissue_and_polls_open_are_403_and_logged()
    {
        await using var consoles = await ConsoleModule.Started();
        await consoles.Module.OpenPolls();
        // Even with a presidente's live session in hand, the observers' console cannot act.
        var bearer = await consoles.Module.SignIn();
        var clave = TestElection.Voters[0].Clave;
        var kiosk = await consoles.Run(ConsoleModule.Observer);
        var attempts = new (string Route, object Body)[]
        {
            (ServerRoutes.OfficialUnlock, new OfficialUnlockRequest("SEC-01")),
            (ServerRoutes.CheckInLookup, new CheckInLookupRequest(null, clave)),
            (ServerRoutes.CheckInConfirm, CheckInConfirmRequest.Fresh(clave)),
            (ServerRoutes.CheckInReissue, new ActivationReissueRequest(clave, "boleta perdida")),
            (ServerRoutes.PollsOpen, new { }),
            (ServerRoutes.PollsClose, new { }),
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
