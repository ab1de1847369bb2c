using Vmre.Common.Serialization;

namespace Vmre.Common.Module;

/// <summary>
/// The shape a terminal obeys, read at the boundary (docs/formats/README.md "Versioning rule":
/// readers refuse other versions with a specific reason). Whether the nonce is this terminal's
/// outstanding challenge, the package its own and the sequence above the last accepted is
/// judged by the terminal, which alone knows them.
/// </summary>
public static class ModuleCommandReader
{
    public const string V1Superseded =
        "command format vmre-module-command/1 is superseded: it answers no challenge and carries no package hash or sequence, "
        + "so it could be replayed; this terminal obeys only vmre-module-command/2";

    public static Parsed<ModuleCommand> Read(ModuleCommand command)
    {
        if (command.Format == ModuleCommand.FormatV1) return Parsed<ModuleCommand>.Fail(V1Superseded);
        if (command.Format != ModuleCommand.FormatV2)
            return Parsed<ModuleCommand>.Fail($"command format '{command.Format}' is not {ModuleCommand.FormatV2}");
        if (!Enum.IsDefined(command.Command)) return Parsed<ModuleCommand>.Fail($"unknown command {command.Command}");
        if (string.IsNullOrEmpty(command.ModuleId) || string.IsNullOrEmpty(command.TerminalId))
            return Parsed<ModuleCommand>.Fail("command names no module or terminal");
        if (!ModuleChallenge.IsNonce(command.Nonce)) return Parsed<ModuleCommand>.Fail("command nonce is not 32 lowercase hex digits");
        if (string.IsNullOrEmpty(command.PackageHash)) return Parsed<ModuleCommand>.Fail("command carries no package hash");
        if (command.Sequence is not > 0) return Parsed<ModuleCommand>.Fail("command sequence is missing or not a positive integer");
        return Parsed<ModuleCommand>.Ok(command);
    }
}
