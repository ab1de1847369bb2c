using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Terminal.Setup;

namespace Vmre.Terminal.Reports;

/// <summary>
/// Whether a module command may be obeyed (rules.md R5, issue 8 point 3), checked in this order:
/// signed by this module's server key; format v2 (v1 refused by name); addressed to this module
/// and terminal; for the election package this terminal runs; answering one of this terminal's
/// outstanding, unexpired challenges (taken: single use); and its sequence above the last
/// accepted, which is then written durably before the caller obeys. Every reason is specific;
/// the caller logs it. No step reads the wall clock, so a terminal whose clock is off judges
/// freshness the same way.
/// </summary>
public sealed class CommandAdmission(InstalledElection election, TerminalIdentity identity,
    CommandChallenges challenges, AcceptedCommands accepted)
{
    // Taking the challenge and raising the sequence are one step: two commands racing in
    // cannot both pass the sequence check.
    private readonly object _gate = new();

    /// <summary>A fresh challenge for the server's next command to this terminal.</summary>
    public ModuleChallenge Challenge() => challenges.Issue();

    public Parsed<ModuleCommand> Admit(SignedDocument? envelope)
    {
        if (envelope is null) return Refused("no command");
        var opened = envelope.Open<ModuleCommand>(DocumentKinds.ModuleCommand, election.ServerKey);
        if (!opened.IsOk) return Refused("command refused: " + opened.Error);
        var read = ModuleCommandReader.Read(opened.Value!);
        if (!read.IsOk) return read;
        var command = read.Value!;
        if (command.ModuleId != election.Module.ModuleId || command.TerminalId != identity.TerminalId)
            return Refused($"command addressed to {command.ModuleId}/{command.TerminalId}");
        if (command.PackageHash != election.PackageHash)
            return Refused($"command is for election package {command.PackageHash}, this terminal runs {election.PackageHash}");
        lock (_gate)
        {
            var stale = challenges.Take(command.Nonce);
            if (stale is not null) return Refused(stale);
            var outOfSequence = accepted.Accept(command.Sequence!.Value);
            return outOfSequence is null ? Parsed<ModuleCommand>.Ok(command) : Refused(outOfSequence);
        }
    }

    private static Parsed<ModuleCommand> Refused(string reason) => Parsed<ModuleCommand>.Fail(reason);
}
