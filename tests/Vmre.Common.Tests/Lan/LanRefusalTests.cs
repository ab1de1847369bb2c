using System.Security.Authentication;
using Vmre.Common.Lan;
using Vmre.Common.Signing;

namespace Vmre.Common.Tests.Lan;

/// <summary>
/// Who is refused at the handshake, and with which reason (issue 8 points 2 and 6; rules.md R7:
/// the host logs each reason as lan-peer-refused).
/// </summary>
public sealed class LanRefusalTests
{
    private readonly PairedModule _module = new();

    [Fact]
    public async Task A_client_without_a_certificate_is_refused_with_no_certificate()
    {
        var refused = new Refusals();
        var outcome = await ToServer(Intruder.Client(null), refused);
        AssertRefusedByServer(outcome, refused, "no certificate");
    }

    [Fact]
    public async Task A_leaf_signed_by_an_unpaired_key_is_refused()
    {
        using var stranger = LanIdentity.Mint(PairedModule.Terminal1, SoftwareSigningKey.Generate(), TimeProvider.System);
        var refused = new Refusals();
        var outcome = await ToServer(Intruder.Client(stranger.Certificate), refused);
        AssertRefusedByServer(outcome, refused, "not signed by the key paired with T-CHI-01");
    }

    [Fact]
    public async Task A_leaf_naming_T_CHI_02_but_signed_by_T_CHI_01s_key_is_refused()
    {
        using var impostor = LanIdentity.Mint(PairedModule.Terminal2, _module.Terminal1Key, TimeProvider.System);
        var refused = new Refusals();
        var outcome = await ToServer(LanTls.ClientOptions(impostor, _module.ServerOnly, _ => { }), refused);
        AssertRefusedByServer(outcome, refused, "not signed by the key paired with T-CHI-02");
    }

    [Fact]
    public async Task A_self_signed_leaf_naming_a_paired_terminal_is_refused()
    {
        using var selfSigned = Intruder.SelfSigned(PairedModule.Terminal1);
        var refused = new Refusals();
        var outcome = await ToServer(Intruder.Client(selfSigned), refused);
        AssertRefusedByServer(outcome, refused, "self-signed certificate: not signed by the key paired with T-CHI-01");
    }

    [Fact]
    public async Task A_device_the_config_does_not_pair_is_refused_by_name()
    {
        var rogueKey = SoftwareSigningKey.Generate();
        using var rogue = LanIdentity.Mint("T-CHI-99", rogueKey, TimeProvider.System);
        var refused = new Refusals();
        var outcome = await ToServer(Intruder.Client(rogue.Certificate), refused);
        AssertRefusedByServer(outcome, refused, "certificate names T-CHI-99, which is not paired");
    }

    [Fact]
    public async Task A_terminal_that_expects_the_server_but_reaches_another_paired_terminal_refuses_it()
    {
        // T-CHI-02 is a genuine, paired device, but a terminal's client options pin only the server.
        using var otherTerminal = _module.T2();
        using var terminal = _module.T1();
        var terminalRefused = new Refusals();
        var outcome = await LoopbackTls.Connect(
            LanTls.ServerOptions(otherTerminal, _module.Terminals, _ => { }),
            LanTls.ClientOptions(terminal, _module.ServerOnly, terminalRefused.Add));

        Assert.False(outcome.ClientAccepted);
        Assert.False(outcome.ByteCrossed);
        Assert.Equal(["certificate names T-CHI-02, which is not paired"], terminalRefused.Reasons);
    }

    [Fact]
    public async Task The_server_dialling_T_CHI_01_refuses_a_connection_that_lands_on_T_CHI_02()
    {
        using var server = _module.Server();
        using var wrongTerminal = _module.T2();
        var serverRefused = new Refusals();
        var outcome = await LoopbackTls.Connect(
            LanTls.ServerOptions(wrongTerminal, _module.ServerOnly, _ => { }),
            LanTls.ClientOptions(server, _module.Terminals.Only(PairedModule.Terminal1), serverRefused.Add));

        Assert.False(outcome.ClientAccepted);
        Assert.Equal(["certificate names T-CHI-02, which is not paired"], serverRefused.Reasons);
        Assert.Throws<ArgumentException>(() => _module.Terminals.Only("T-CHI-99"));
    }

    [Fact]
    public async Task A_terminal_refuses_an_intruder_posing_as_the_server()
    {
        using var poser = LanIdentity.Mint(PairedModule.ServerId, SoftwareSigningKey.Generate(), TimeProvider.System);
        using var terminal = _module.T1();
        var terminalRefused = new Refusals();
        var outcome = await LoopbackTls.Connect(
            Intruder.Server(poser.Certificate),
            LanTls.ClientOptions(terminal, _module.ServerOnly, terminalRefused.Add));

        Assert.False(outcome.ClientAccepted);
        Assert.Equal(["not signed by the key paired with MRV-CHI"], terminalRefused.Reasons);
    }

    [Fact]
    public async Task A_paired_terminal_offering_only_TLS_1_2_cannot_connect()
    {
        using var terminal = _module.T1();
        var outcome = await ToServer(Intruder.Client(terminal.Certificate, SslProtocols.Tls12), new Refusals());
        Assert.False(outcome.ServerAccepted);
        Assert.False(outcome.ByteCrossed);
    }

    private async Task<LoopbackTls.Outcome> ToServer(System.Net.Security.SslClientAuthenticationOptions client, Refusals refused)
    {
        using var server = _module.Server();
        return await LoopbackTls.Connect(LanTls.ServerOptions(server, _module.Terminals, refused.Add), client);
    }

    private static void AssertRefusedByServer(LoopbackTls.Outcome outcome, Refusals refused, string reason)
    {
        Assert.False(outcome.ServerAccepted);
        Assert.False(outcome.ByteCrossed); // the client may finish its half (TLS 1.3) but gets no data
        Assert.Equal([reason], refused.Reasons);
    }
}
