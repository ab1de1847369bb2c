namespace Vmre.Common.Module;

/// <summary>
/// A command from the module server to one terminal (signed by the server's key): print the
/// zero report, or close the polls and print the closing record. The nonce binds the
/// terminal's signed answer to this request, so an old answer cannot be replayed.
/// </summary>
public sealed record ModuleCommand(string Format, ModuleCommandKind Command, string ModuleId, string TerminalId, string Nonce)
{
    public const string FormatV1 = "vmre-module-command/1";

    public static ModuleCommand Create(ModuleCommandKind command, string moduleId, string terminalId, string nonce) =>
        new(FormatV1, command, moduleId, terminalId, nonce);
}

public enum ModuleCommandKind { ZeroReport, Close }
