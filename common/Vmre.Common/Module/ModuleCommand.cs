namespace Vmre.Common.Module;

/// <summary>
/// A command from the module server to one terminal (signed by the server's key): print the
/// zero report, or close the polls and print the closing record (docs/formats/module-messages.md).
/// Version 2 (issue 8 point 3) makes a signed command impossible to replay: <see cref="Nonce"/>
/// is the terminal's own fresh challenge echoed, <see cref="PackageHash"/> binds it to the
/// election both sides run, and <see cref="Sequence"/> rises strictly per terminal. The terminal's
/// signed answer echoes the same nonce, so an old answer cannot be replayed either.
/// Version 1 (no challenge, package or sequence) is refused by <see cref="ModuleCommandReader"/>;
/// its fields stay here only so its vector still reads (null fields are not written).
/// </summary>
public sealed record ModuleCommand(
    string Format, ModuleCommandKind Command, string ModuleId, string TerminalId, string Nonce,
    string? PackageHash = null, long? Sequence = null)
{
    /// <summary>Released with the walking skeleton; superseded by v2 and refused by terminals.</summary>
    public const string FormatV1 = "vmre-module-command/1";
    public const string FormatV2 = "vmre-module-command/2";

    /// <param name="challenge">The nonce the terminal just answered to POST /api/module/challenge.</param>
    public static ModuleCommand Create(ModuleCommandKind command, string moduleId, string terminalId, string challenge,
        string packageHash, long sequence) =>
        new(FormatV2, command, moduleId, terminalId, challenge, packageHash, sequence);
}

public enum ModuleCommandKind { ZeroReport, Close }
