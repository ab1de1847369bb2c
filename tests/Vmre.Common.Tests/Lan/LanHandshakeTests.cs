using System.Security.Authentication;
using Vmre.Common.Lan;

namespace Vmre.Common.Tests.Lan;

/// <summary>Mutual TLS between paired devices over loopback sockets (issue 8 point 2).</summary>
public sealed class LanHandshakeTests
{
    private readonly PairedModule _module = new();

    [Fact]
    public async Task A_paired_terminal_and_the_server_complete_a_TLS_1_3_handshake_and_each_learns_the_others_device_id()
    {
        using var server = _module.Server();
        using var terminal = _module.T1();
        var serverRefused = new Refusals();
        var terminalRefused = new Refusals();

        var outcome = await LoopbackTls.Connect(
            LanTls.ServerOptions(server, _module.Terminals, serverRefused.Add),
            LanTls.ClientOptions(terminal, _module.ServerOnly, terminalRefused.Add));

        Assert.True(outcome.ServerAccepted && outcome.ClientAccepted && outcome.ByteCrossed);
        Assert.Equal(SslProtocols.Tls13, outcome.ClientProtocol);
        Assert.Equal(PairedModule.Terminal1, _module.Terminals.Identify(outcome.CertificateServerSaw).ValueOrThrow().DeviceId);
        Assert.Equal(PairedModule.ServerId, _module.ServerOnly.Identify(outcome.CertificateClientSaw).ValueOrThrow().DeviceId);
        Assert.Empty(serverRefused.Reasons);
        Assert.Empty(terminalRefused.Reasons);
    }

    [Theory]
    [InlineData(-10, 10)]
    [InlineData(10, -10)]
    [InlineData(10, 0)]
    [InlineData(0, -10)]
    public async Task Peers_whose_clocks_are_off_by_ten_minutes_still_handshake(int serverMinutes, int terminalMinutes)
    {
        // Issue 8 point 3: an isolated LAN has no time source. Each side mints on its own wrong clock.
        using var server = _module.Server(new ScriptedTime(() => DateTimeOffset.UtcNow.AddMinutes(serverMinutes)));
        using var terminal = _module.T2(new ScriptedTime(() => DateTimeOffset.UtcNow.AddMinutes(terminalMinutes)));

        var outcome = await LoopbackTls.Connect(
            LanTls.ServerOptions(server, _module.Terminals, _ => { }),
            LanTls.ClientOptions(terminal, _module.ServerOnly, _ => { }));

        Assert.True(outcome.ServerAccepted && outcome.ClientAccepted && outcome.ByteCrossed);
    }

    [Fact]
    public async Task A_leaf_minted_on_a_clock_a_month_behind_is_still_accepted_because_no_peer_judges_the_window()
    {
        // By the real clock this leaf expired weeks ago; the pinned key, not the window, is what
        // a peer checks (PairedPeers.Identify says why).
        using var server = _module.Server();
        using var terminal = _module.T1(new ScriptedTime(() => DateTimeOffset.UtcNow.AddDays(-30)));
        Assert.True(terminal.Certificate.NotAfter < DateTime.Now);

        var outcome = await LoopbackTls.Connect(
            LanTls.ServerOptions(server, _module.Terminals, _ => { }),
            LanTls.ClientOptions(terminal, _module.ServerOnly, _ => { }));

        Assert.True(outcome.ServerAccepted && outcome.ByteCrossed);
    }
}
