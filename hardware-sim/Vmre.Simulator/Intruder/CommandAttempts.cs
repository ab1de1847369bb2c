using System.Security.Cryptography;
using System.Text;
using Vmre.Common.Lan;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Simulator.Clients;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Intruder;

/// <summary>
/// Commands that must not be obeyed (issue 8 point 3): a captured command replayed, and a command
/// for another election package. To show the command-level defence on its own, these go over a
/// connection that does hold a valid server identity (as the server's signing power would give;
/// the simulator reaches the server's TPM from outside the LAN, ModuleRig.OpenServerKey): TLS lets them through, the terminal refuses the command and logs
/// <c>module-command-refused</c>. The replay is also tried once with no certificate.
/// </summary>
public sealed class CommandAttempts(LanIntruder intruder, SimTerminal terminal, Findings findings)
{
    public async Task Run()
    {
        var log = intruder.LogOf(terminal);
        var key = intruder.TerminalKey(terminal);
        var (serverTpm, serverKey) = intruder.Rig.OpenServerKey();
        using var _ = serverTpm;
        var captured = CapturedCommand.ZeroReportAtOpening(intruder.Rig, terminal, key, serverKey);
        using var identity = LanIdentity.Mint(intruder.ModuleId, serverKey, TimeProvider.System);
        using var asServer = IntruderClients.WithIdentity(intruder.Connector, terminal.LanUrl, identity,
            new PairedPeers(new Dictionary<string, PublicKey> { [terminal.Id] = key }));
        var api = new TerminalApiClient(asServer);

        log.Mark();
        var replay = await api.Command(captured);
        var (logged, words) = await log.Logged("module-command-refused");
        findings.Check(!replay.IsOk && logged, $"LAN intruder replaying the zero-report command captured at opening, over a connection holding a valid server identity "
            + $"(POST {TerminalRoutes.ModuleCommand} at {terminal.Id}): " + (replay.IsOk ? "OBEYED" : "refused") + "; " + words);

        using var bare = IntruderClients.NoCertificate(intruder.Connector, terminal.LanUrl);
        log.Mark();
        var answered = await IntruderClients.AnswerOrRefused(() => bare.PostAsync(TerminalRoutes.ModuleCommand,
            new ByteArrayContent(Vmre.Common.Serialization.VmreJson.Bytes(captured))));
        (logged, words) = await log.Logged("lan-peer-refused");
        findings.Check(answered is null && logged, $"LAN intruder replaying the captured command with no certificate (at {terminal.LanUrl}): "
            + (answered ?? "refused at the TLS handshake") + "; " + words);

        await ForAnotherPackage(api, log, serverKey);
    }

    /// <summary>A fresh challenge answered properly, signed by the server's key, but for a rehearsal's package.</summary>
    private async Task ForAnotherPackage(TerminalApiClient api, TargetLog log, ISigner serverKey)
    {
        var challenge = (await api.Challenge()).Expect($"{terminal.Id} challenge");
        var rehearsal = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("a rehearsal's election package")));
        var command = ModuleCommand.Create(ModuleCommandKind.Close, intruder.ModuleId, terminal.Id, challenge.Nonce, rehearsal, 1_000_000);
        log.Mark();
        var sent = await api.Command(SignedDocument.Create(DocumentKinds.ModuleCommand, command, serverKey));
        var (logged, words) = await log.Logged("module-command-refused");
        findings.Check(!sent.IsOk && logged, $"LAN intruder sending a signed close for another election package, on a fresh challenge (at {terminal.Id}): "
            + (sent.IsOk ? "OBEYED" : "refused") + "; " + words);
    }
}
