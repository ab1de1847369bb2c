namespace Vmre.Common.Module;

/// <summary>
/// A command from the module server to one terminal (signed by the server's key): print the
/// zero report, or close the polls and print the closing record. The nonce binds the
/// terminal's signed answer to this request, so an old answer cannot be replayed.
/// </summary>
public sealed record ModuleCommand(ModuleCommandKind Command, string ModuleId, string TerminalId, string Nonce);

public enum ModuleCommandKind { ZeroReport, Close }
