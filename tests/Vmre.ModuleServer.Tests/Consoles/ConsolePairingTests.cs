using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Consoles;

/// <summary>
/// Issue 8 points 1-2: only consoles whose keys the signed module config pins reach the server's
/// LAN face; anything else is refused at the handshake and logged; a console pins the server by
/// its key; each paired device reaches only its own kind's endpoints.
/// </summary>
public sealed class ConsolePairingTests
{
    [Fact]
    public async Task An_unpaired_console_is_refused_at_the_handshake_and_logged()
    {
        await using var consoles = await ConsoleModule.Started();
        // A console the config does not name, and one posing as the desk console with its own key.
        var stranger = await consoles.Run("DESK-09", SoftwareSigningKey.Generate());
        var impostor = await consoles.Run(ConsoleModule.Desk, SoftwareSigningKey.Generate(), consoles.Options(ConsoleModule.Desk) with
        {
            DataDir = consoles.ConsoleDir("IMPOSTOR"),
        });

        Assert.Equal(502, (await ConsoleCalls.Get(stranger, ServerRoutes.Status)).Status);
        Assert.Equal(502, await ConsoleCalls.Post(impostor, ServerRoutes.OfficialSession, new OfficialSignIn(Pin: TestModule.Pin)));
        var refusals = consoles.ServerRefusals();
        Assert.Contains(refusals, l => l.Contains("certificate names DESK-09, which is not paired"));
        Assert.Contains(refusals, l => l.Contains($"not signed by the key paired with {ConsoleModule.Desk}"));
        // Refused at the handshake: no request reached an endpoint, so none names a route.
        Assert.DoesNotContain(refusals, l => l.Contains("\"route\""));
        await Assert.ThrowsAsync<HttpRequestException>(() => consoles.Module.StrangerHttp(ConsoleModule.Observer).GetAsync(ServerRoutes.Status));
    }

    [Fact]
    public async Task A_console_refuses_a_server_that_is_not_signed_by_the_pinned_key()
    {
        await using var consoles = await ConsoleModule.Started();
        var kiosk = await consoles.Run(ConsoleModule.Desk, options: consoles.Options(ConsoleModule.Desk) with
        {
            ServerKeyPath = consoles.ServerKeyFile(SoftwareSigningKey.Generate()),
        });
        Assert.Equal(502, await ConsoleCalls.Post(kiosk, ServerRoutes.OfficialSession, new OfficialSignIn(Pin: TestModule.Pin)));
        Assert.Contains(consoles.ConsoleLog(ConsoleModule.Desk), l => l.Contains("\"lan-peer-refused\"") && l.Contains("not signed by the key paired with"));
    }

    [Fact]
    public async Task A_paired_terminals_certificate_cannot_reach_the_desk_API_on_the_LAN_face()
    {
        await using var consoles = await ConsoleModule.Started();
        var terminal = consoles.Module.TerminalHttp("T1");
        Assert.Equal(403, await ConsoleCalls.Post(terminal, ServerRoutes.OfficialSession, new OfficialSignIn(Pin: TestModule.Pin)));
        Assert.Equal(403, await ConsoleCalls.Post(terminal, ServerRoutes.CheckInConfirm, CheckInConfirmRequest.Fresh(TestElection.Voters[0].Clave)));
        Assert.Equal(403, await ConsoleCalls.Post(terminal, ServerRoutes.PollsOpen, new { }));
        Assert.Equal(403, (await ConsoleCalls.Get(terminal, ServerRoutes.Log)).Status);
        Assert.Contains(consoles.ServerRefusals(), l => l.Contains($"\"route\":\"{ServerRoutes.OfficialSession}\"") && l.Contains("\"peer\":\"T1\""));
        Assert.Equal(PollsState.NotOpen, (await consoles.Module.Status()).State);
    }

    [Fact]
    public async Task A_config_where_a_console_and_a_terminal_share_an_id_is_refused_at_start()
    {
        await using var module = await TestModule.Prepare();
        module.Sign(DocumentKinds.ModuleConfig, module.Config() with
        {
            Consoles = [new ConsoleEntry("T1", ConsoleRole.Observer, SoftwareSigningKey.Generate().PublicKeyPem)],
        }, "module-config.signed.json");
        var built = module.Build();
        Assert.False(built.IsOk);
        Assert.Contains("console T1 has the id of a paired terminal", built.Error);
        Assert.Contains(module.LogLines(), l => l.Contains("\"module-server-refused\"") && l.Contains("console T1 has the id of a paired terminal"));
    }
}
