using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.HardwareSim.Printer.Interpreter;

/// <summary>What the interpreter produced from the bytes fed to it, in the order it happened.</summary>
public abstract record PrinterOutput
{
    private PrinterOutput() { }

    /// <summary>A page that came out of the printer: cut by GS V (fully or partially), or torn off at a jam or roll end.</summary>
    public sealed record Page(IReadOnlyList<PageBlock> Blocks, bool Torn, bool PartialCut = false) : PrinterOutput;

    /// <summary>A DLE EOT reply (real-time, sent at once whatever the printer is doing) or a GS r reply.</summary>
    public sealed record Status(byte Byte) : PrinterOutput;

    /// <summary>
    /// A GS ( H process ID response (37 22 d1 d2 d3 d4 00): sent only once every page before
    /// it has been printed, so it tells the terminal its testigo is really on paper.
    /// </summary>
    public sealed record ProcessId(byte[] Response) : PrinterOutput;

    /// <summary>Something for the simulator's log (never printed content: rules.md R3).</summary>
    public sealed record Notice(PrinterNotice What) : PrinterOutput;
}
