using System.Net;
using Vmre.Common.Signing;
using Vmre.HardwareSim.Network;
using Vmre.Simulator.Election;
using Vmre.Simulator.Lan;

namespace Vmre.Simulator.Intruder;

/// <summary>
/// A machine on the module LAN, in its own network namespace, holding no key the signed module
/// config pins (issue 8 point 6). While a voter has marked at a terminal it tries everything the
/// security review did and more; <c>summary.txt</c> shows each attempt refused and, where a peer
/// exists to log it, the target's <c>events.jsonl</c> line with its reason (rules.md R7).
/// </summary>
public sealed class LanIntruder(ModuleRig rig, Findings findings)
{
    public ModuleRig Rig { get; } = rig;
    public string ModuleId => Rig.Options.ModuleId;
    public NamespaceConnector Connector => Rig.Lan.Connector(RigLan.IntruderPart);
    public IPAddress Address => Rig.Lan.Address(RigLan.IntruderPart);
    public TargetLog ServerLog => new(ModuleId, Path.Combine(Rig.ServerDir, "events.jsonl"));

    public TargetLog LogOf(SimTerminal terminal) => new(terminal.Id, Path.Combine(terminal.Dir, "events.jsonl"));

    public PublicKey TerminalKey(SimTerminal terminal) =>
        PublicKey.FromPem(File.ReadAllText(Path.Combine(terminal.Dir, "device-public.pem")));

    /// <summary>Before the voter scans it: the fresh activation, burned by an unpaired "terminal"?</summary>
    public Task TriesToBurn(string token, string terminalId) =>
        new ImpostorAttempts(this, findings).UnpairedTerminalRedeems(token, terminalId);

    /// <summary>While the voter at <paramref name="terminal"/> reviews their marks: every other attempt.</summary>
    public async Task TriesWhileMarked(SimTerminal terminal)
    {
        await new SessionAttempts(this, terminal, findings).Run();
        await new CommandAttempts(this, terminal, findings).Run();
        await new ImpostorAttempts(this, findings).PosesAsTheServer(terminal);
        await new PlainHttpAttempts(this, findings).Run(
            [($"the module server {ModuleId}", Rig.ServerLanUrl, ServerLog), .. Rig.Terminals.Select(t => (t.Id, t.LanUrl, LogOf(t)))]);
    }
}
