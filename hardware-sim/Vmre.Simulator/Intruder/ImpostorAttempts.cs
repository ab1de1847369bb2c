using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using Vmre.Common.Lan;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Intruder;

/// <summary>
/// The intruder pretending to be one of the module's devices (issue 8 point 2): a terminal the
/// config does not pair, at the server's LAN face; and the module server itself, listening on the
/// LAN for terminals that come to redeem. Both are refused at the TLS handshake by the pinned keys.
/// </summary>
public sealed class ImpostorAttempts(LanIntruder intruder, Findings findings)
{
    /// <summary>
    /// Burning a fresh, unused activation as an unpaired terminal naming <paramref name="terminalId"/>:
    /// nothing is burned and the voter still votes with it (rules.md R4).
    /// </summary>
    public async Task UnpairedTerminalRedeems(string token, string terminalId)
    {
        var log = intruder.ServerLog;
        using var posing = IntruderClients.SelfMade(terminalId);
        var impostorKey = SoftwareSigningKey.Generate();
        var request = RedeemRequest.Sign(token, terminalId, impostorKey);
        using var http = IntruderClients.WithIdentity(intruder.Connector, intruder.Rig.ServerLanUrl, posing,
            new PairedPeers(new Dictionary<string, PublicKey> { [intruder.ModuleId] = intruder.Rig.ServerPublicKey }));
        log.Mark();
        string outcome;
        try
        {
            var answer = await new ModuleServerClient(http).RedeemAsync(request);
            outcome = answer.IsOk ? $"answered: accepted={answer.Value!.Accepted}" : "answered: " + answer.Error;
        }
        catch (HttpRequestException) { outcome = "refused at the TLS handshake"; }
        var (logged, words) = await log.Logged("lan-peer-refused");
        findings.Check(outcome.StartsWith("refused", StringComparison.Ordinal) && logged,
            $"LAN intruder connecting to the module server as an unpaired terminal naming {terminalId}, to burn a fresh activation "
            + $"({intruder.Rig.ServerLanUrl}{ServerRoutes.RedeemActivation}): {outcome}; {words}");
    }

    /// <summary>
    /// The intruder listens on its LAN address with a certificate it made itself naming the module
    /// server; a client configured as <paramref name="terminal"/> configures its own (LanTls, the
    /// server's key pinned), connecting from the terminal's namespace, refuses it.
    /// </summary>
    public async Task PosesAsTheServer(SimTerminal terminal)
    {
        using var posing = IntruderClients.SelfMade(intruder.ModuleId);
        var at = new IPEndPoint(intruder.Address, 8443);
        using var listener = intruder.Connector.Listen(at);
        var serving = Task.Run(async () =>
        {
            using var socket = await listener.AcceptAsync();
            await using var tls = new SslStream(new System.Net.Sockets.NetworkStream(socket, ownsSocket: false));
            try { await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = posing.Certificate, EnabledSslProtocols = SslProtocols.Tls13 }); }
            catch (Exception e) when (e is AuthenticationException or IOException) { }
        });
        string? refusal = null;
        using var identity = IntruderClients.SelfMade(terminal.Id); // the terminal's own leaf lives in its TPM; any leaf will do here
        using var http = IntruderClients.WithIdentity(intruder.Rig.Lan.Connector(terminal.Part), $"https://{at}", identity,
            new PairedPeers(new Dictionary<string, PublicKey> { [intruder.ModuleId] = intruder.Rig.ServerPublicKey }), r => refusal = r);
        var answered = await IntruderClients.AnswerOrRefused(() => http.PostAsync(ServerRoutes.RedeemActivation, null));
        try { await serving.WaitAsync(TimeSpan.FromSeconds(20)); }
        catch (TimeoutException) { } // the client never came: the check below says so
        findings.Check(answered is null && refusal is not null, $"LAN intruder posing as the module server {intruder.ModuleId} (listening at https://{at} "
            + $"with a self-made certificate): {terminal.Id}'s client, the server's key pinned, "
            + (answered ?? $"refused it at the TLS handshake: \"{refusal}\" (what a terminal logs as lan-peer-refused)"));
    }
}
