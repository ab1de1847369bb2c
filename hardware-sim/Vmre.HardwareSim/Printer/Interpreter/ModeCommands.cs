using Vmre.HardwareSim.Printer.EscPos;
using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.HardwareSim.Printer.Interpreter;

/// <summary>
/// The commands that only change the page being composed: text, feeds and print modes. The
/// interpreter hands them here and keeps for itself what talks back to the host or ends a page.
/// </summary>
internal static class ModeCommands
{
    public static bool Handles(EscPosCommandKind kind) => kind is EscPosCommandKind.Text
        or EscPosCommandKind.LineFeed or EscPosCommandKind.CarriageReturn or EscPosCommandKind.SelectCodePage
        or EscPosCommandKind.Align or EscPosCommandKind.Bold or EscPosCommandKind.Underline or EscPosCommandKind.PrintMode
        or EscPosCommandKind.CharacterSize or EscPosCommandKind.SelectFont or EscPosCommandKind.Reverse
        or EscPosCommandKind.DefaultLineSpacing or EscPosCommandKind.LineSpacing or EscPosCommandKind.FeedLines
        or EscPosCommandKind.FeedDots or EscPosCommandKind.ReverseFeedDots or EscPosCommandKind.QrModel or EscPosCommandKind.QrModuleSize
        or EscPosCommandKind.QrErrorCorrection or EscPosCommandKind.QrStore or EscPosCommandKind.BarcodeHeight
        or EscPosCommandKind.BarcodeModuleWidth or EscPosCommandKind.BarcodeHriPosition or EscPosCommandKind.BarcodeHriFont
        or EscPosCommandKind.CancelKanjiMode;

    /// <returns>A notice for the log when the printer could not do what was asked, else null.</returns>
    public static string? Apply(PageComposer composer, EscPosCommand command)
    {
        switch (command.Kind)
        {
            case EscPosCommandKind.Text: composer.AddText(command.Data); break;
            case EscPosCommandKind.LineFeed: composer.LineFeed(); break;
            case EscPosCommandKind.SelectCodePage:
                if (!composer.SelectCodePage(command.Value))
                    return $"ESC t {command.Value}: code page not emulated, bytes >= 0x80 print as '?'";
                break;
            case EscPosCommandKind.Align: composer.Align(command.Value); break;
            case EscPosCommandKind.Bold: composer.Bold(command.Value); break;
            case EscPosCommandKind.Underline: composer.Underline(command.Value); break;
            case EscPosCommandKind.PrintMode: composer.PrintMode(command.Value); break;
            case EscPosCommandKind.CharacterSize: composer.CharacterSize(command.Value); break;
            case EscPosCommandKind.SelectFont:
                if (!composer.SelectFont(command.Value)) return $"ESC M {command.Value}: font not emulated, font unchanged";
                break;
            case EscPosCommandKind.Reverse: composer.Reverse(command.Value); break;
            case EscPosCommandKind.DefaultLineSpacing: composer.LineSpacing(null); break;
            case EscPosCommandKind.LineSpacing: composer.LineSpacing(command.Value); break;
            case EscPosCommandKind.FeedLines: composer.FeedLines(command.Value); break;
            case EscPosCommandKind.FeedDots: composer.FeedDots(command.Value); break;
            case EscPosCommandKind.ReverseFeedDots: composer.ReverseFeedDots(command.Value); break;
            case EscPosCommandKind.QrModuleSize: composer.QrModuleSize(command.Value); break;
            case EscPosCommandKind.QrErrorCorrection: composer.QrErrorCorrection(command.Value); break;
            case EscPosCommandKind.QrStore: composer.QrStore(command.Data ?? []); break;
            case EscPosCommandKind.BarcodeHeight: composer.Barcode.Height(command.Value); break;
            case EscPosCommandKind.BarcodeModuleWidth: composer.Barcode.Width(command.Value); break;
            case EscPosCommandKind.BarcodeHriPosition: composer.Barcode.Position(command.Value); break;
            case EscPosCommandKind.BarcodeHriFont: composer.Barcode.Font(command.Value); break;
            // Model 2 is always printed; CR is ignored (auto line feed off); single-byte text is all there is.
            case EscPosCommandKind.QrModel or EscPosCommandKind.CarriageReturn or EscPosCommandKind.CancelKanjiMode: break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command.Kind, "not a mode command");
        }
        return null;
    }
}
