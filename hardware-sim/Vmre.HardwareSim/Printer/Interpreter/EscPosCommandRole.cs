using Vmre.HardwareSim.Printer.EscPos;

namespace Vmre.HardwareSim.Printer.Interpreter;

/// <summary>Which commands put ink (heat) on paper, and how a command is named in the log.</summary>
internal static class EscPosCommandRole
{
    /// <summary>Print data: what a printer that cannot print discards (mode commands still apply).</summary>
    public static bool IsPrinting(EscPosCommandKind kind) => kind is EscPosCommandKind.Text
        or EscPosCommandKind.LineFeed or EscPosCommandKind.FeedLines or EscPosCommandKind.FeedDots
        or EscPosCommandKind.ReverseFeedDots
        or EscPosCommandKind.QrPrint or EscPosCommandKind.Barcode or EscPosCommandKind.Cut or EscPosCommandKind.PartialCut;

    /// <summary>Commands that end a page.</summary>
    public static bool IsCut(EscPosCommandKind kind) => kind is EscPosCommandKind.Cut or EscPosCommandKind.PartialCut;

    // Never the text itself: a testigo's content is a vote (rules.md R3, logs never hold selections).
    public static string Describe(EscPosCommand command) =>
        command.Data is { } data ? $"{command.Kind} ({data.Length} bytes)" : command.Kind.ToString();
}
