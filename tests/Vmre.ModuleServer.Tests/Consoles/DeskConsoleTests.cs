using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Consoles;

/// <summary>
/// Issue 8 point 1: a desk console, paired in the signed module config, serves the desk page on
/// its own loopback and reaches the server's LAN face over mutual TLS as itself; the official
/// still signs in with card and PIN on top (rules.md R8, issue 11).
/// </summary>
public sealed class DeskConsoleTests
{
    [Fact]
    public async Task A_desk_console_checks_in_a_voter_through_its_own_kiosk_face()
    {
        await using var consoles = await ConsoleModule.Started();
        var kiosk = await consoles.Run(ConsoleModule.Desk);
        var desk = new ModuleServerClient(kiosk);

        var page = await ConsoleCalls.Get(kiosk, "/desk/");
        Assert.Equal(200, page.Status);
        Assert.Contains("desk.js", page.Body);
        // Issue 11: each official's card answers the server's challenge through the console.
        Assert.True((await (await TestModule.SignedInClient(kiosk, consoles.Module.Cards["PRES-01"])).OpenPolls()).IsOk);
        var signedIn = await TestModule.SignedInClient(kiosk, consoles.Module.Cards["SEC-01"]);
        var clave = TestElection.Voters[1].Clave;
        var lookup = (await signedIn.LookUp(new CheckInLookupRequest(null, clave))).ValueOrThrow();
        Assert.Equal(CheckInOutcome.Eligible, lookup.Outcome);
        var confirm = (await signedIn.ConfirmCheckIn(CheckInConfirmRequest.Fresh(clave))).ValueOrThrow();
        Assert.Equal(CheckInOutcome.Activated, confirm.Outcome);
        Assert.True((await signedIn.ActivationQr(confirm.ActivationToken!)).IsOk);

        // The server counted it, and the activation is good at a terminal.
        Assert.Equal(1, (await consoles.Module.Status()).CheckedIn);
        Assert.True((await consoles.Module.Terminal("T1").RedeemAsync(consoles.Module.Redeem(confirm.ActivationToken!, "T1"))).Value!.Accepted);
        Assert.Empty(consoles.ServerRefusals());
    }

    [Fact]
    public async Task Without_an_officials_sign_in_a_desk_console_cannot_check_in()
    {
        await using var consoles = await ConsoleModule.Started();
        await consoles.Module.OpenPolls();
        var kiosk = await consoles.Run(ConsoleModule.Desk);
        // The console proves the machine, not the person: no bearer, no check-in.
        Assert.Equal(401, await ConsoleCalls.Post(kiosk, ServerRoutes.CheckInConfirm, CheckInConfirmRequest.Fresh(TestElection.Voters[0].Clave)));
        Assert.Equal(0, (await consoles.Module.Status()).CheckedIn);
    }

    [Fact]
    public async Task A_console_cannot_redeem_an_activation_on_the_LAN_face()
    {
        await using var consoles = await ConsoleModule.Started();
        await consoles.Module.OpenPolls();
        var token = await consoles.Module.CheckIn(await consoles.Module.SignIn(), TestElection.Voters[0].Clave);
        var kiosk = await consoles.Run(ConsoleModule.Desk);
        Assert.Equal(403, await ConsoleCalls.Post(kiosk, ServerRoutes.RedeemActivation, consoles.Module.Redeem(token, "T1")));
        Assert.Equal(0, (await consoles.Module.Status()).ActivationsRedeemed);
        Assert.Contains(consoles.ServerRefusals(), l => l.Contains(ServerRoutes.RedeemActivation) && l.Contains($"\"peer\":\"{ConsoleModule.Desk}\""));
    }
}
