using System.Net.Sockets;
using System.Text;
using Vmre.Common.Protocol;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Intruder;

/// <summary>
/// The security review's reproductions (issue 8 "Why"), now from a machine on the module LAN while
/// a voter has marked at <paramref name="terminal"/>: reading the selection, changing it, confirming
/// or accepting for them, cancelling or rejecting their session. The ballot endpoints live only on
/// the kiosk face (the namespace's loopback); the LAN face refuses any peer but the paired server at
/// the TLS handshake and logs it (issue 8 points 1 and 2).
/// </summary>
public sealed class SessionAttempts(LanIntruder intruder, SimTerminal terminal, Findings findings)
{
    private const string Morena = "{\"contests\":[{\"contestId\":\"GOB-05\",\"partyCodes\":[\"MORENA\"]}]}";

    public async Task Run()
    {
        var log = intruder.LogOf(terminal);
        await WithoutCertificate(log, HttpMethod.Get, TerminalRoutes.Review, "reading the voter's selection");
        await KioskPortFromTheLan();
        await WithoutCertificate(log, HttpMethod.Post, TerminalRoutes.Selection, "changing the voter's selection to MORENA");
        await WithoutCertificate(log, HttpMethod.Post, TerminalRoutes.Confirm, "confirming the selection for the voter");
        await WithoutCertificate(log, HttpMethod.Post, TerminalRoutes.Accept, "accepting the testigo for the voter");
        await WithoutCertificate(log, HttpMethod.Post, TerminalRoutes.Cancel, "cancelling the voter's session");
        await WithoutCertificate(log, HttpMethod.Post, TerminalRoutes.Reject, "rejecting the voter's testigo");
        await PosingAsTheServer(log);
    }

    private async Task WithoutCertificate(TargetLog log, HttpMethod method, string route, string what)
    {
        using var http = IntruderClients.NoCertificate(intruder.Connector, terminal.LanUrl);
        log.Mark();
        var answered = await IntruderClients.AnswerOrRefused(() => http.SendAsync(Request(method, route)));
        var (logged, words) = await log.Logged("lan-peer-refused");
        findings.Check(answered is null && logged, $"LAN intruder {what} ({method} {route} at {terminal.Id}'s LAN face {terminal.LanUrl}, no certificate): "
            + (answered ?? "refused at the TLS handshake") + "; " + words);
    }

    /// <summary>The kiosk face's port, at the terminal's LAN address: nothing listens there (the face is on the namespace's own loopback).</summary>
    private async Task KioskPortFromTheLan()
    {
        string outcome;
        try
        {
            using var socket = await intruder.Connector.ConnectAsync(terminal.LanAddress, terminal.Port);
            outcome = "a connection was accepted";
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            outcome = "connection refused by the terminal's network stack: the kiosk face listens only on its namespace's loopback, so no request reaches it to be logged";
        }
        findings.Check(outcome.StartsWith("connection refused", StringComparison.Ordinal),
            $"LAN intruder reading the voter's selection on the kiosk port (GET {TerminalRoutes.Review} at http://{terminal.LanAddress}:{terminal.Port}): {outcome}");
    }

    /// <summary>A certificate the intruder made itself, naming the module server: the key is not the one the config pins.</summary>
    private async Task PosingAsTheServer(TargetLog log)
    {
        using var posing = IntruderClients.SelfMade(intruder.ModuleId);
        using var http = IntruderClients.WithIdentity(intruder.Connector, terminal.LanUrl, posing,
            new Vmre.Common.Lan.PairedPeers(new Dictionary<string, Vmre.Common.Signing.PublicKey> { [terminal.Id] = intruder.TerminalKey(terminal) }));
        log.Mark();
        var answered = await IntruderClients.AnswerOrRefused(() => http.SendAsync(Request(HttpMethod.Post, TerminalRoutes.Cancel)));
        var (logged, words) = await log.Logged("lan-peer-refused");
        findings.Check(answered is null && logged, $"LAN intruder cancelling the voter's session with a self-made certificate naming the module server {intruder.ModuleId} "
            + $"(POST {TerminalRoutes.Cancel} at {terminal.LanUrl}): " + (answered ?? "refused at the TLS handshake") + "; " + words);
    }

    private static HttpRequestMessage Request(HttpMethod method, string route) => new(method, route)
    {
        Content = method == HttpMethod.Post ? new StringContent(Morena, Encoding.UTF8, "application/json") : null,
    };
}
