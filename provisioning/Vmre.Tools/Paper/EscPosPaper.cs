using Vmre.Common.Serialization;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.EscPos;
using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.Tools.Paper;

/// <summary>
/// The ONE place vmre-tools turns ESC/POS bytes into paper, so the integrator can switch it
/// to the hardware simulator's offline EscPosInterpreter (with 58 mm support) when that
/// lands. Today it drives the printer emulator's own parts — <see cref="EscPosReader"/>,
/// <see cref="PageComposer"/>, <see cref="PageRenderer"/> — the way PrinterEmulator applies
/// commands, offline: no status line to answer and no paper-out or cover state.
/// </summary>
public static class EscPosPaper
{
    public static Parsed<PrintedRoll> Print(byte[] bytes, PaperWidth width)
    {
        if (width == PaperWidth.Mm58)
            return Parsed<PrintedRoll>.Fail("58 mm paper is not emulated yet: the printer emulator prints 80 mm (576 dots) only");
        var commands = new List<EscPosCommand>();
        var reader = new EscPosReader();
        reader.Feed(bytes, commands);
        var composer = new PageComposer();
        var pages = new List<IReadOnlyList<PageBlock>>();
        var notices = new List<string>();
        foreach (var command in commands) Apply(composer, command, pages, notices);
        if (reader.Pending > 0) notices.Add($"incomplete command at the end of the stream ({reader.Pending} bytes) not printed");
        var rest = composer.Cut(0);
        if (rest.Count > 0) pages.Add(rest); // what follows the last cut is still on the roll
        return Parsed<PrintedRoll>.Ok(new PrintedRoll(pages.Select(PageRenderer.Render).ToArray(), notices));
    }

    private static void Apply(PageComposer composer, EscPosCommand command, List<IReadOnlyList<PageBlock>> pages, List<string> notices)
    {
        switch (command.Kind)
        {
            case EscPosCommandKind.Text: composer.AddText(command.Data ?? []); break;
            case EscPosCommandKind.LineFeed: composer.LineFeed(); break;
            case EscPosCommandKind.Initialize: composer.Initialize(); break;
            case EscPosCommandKind.SelectCodePage:
                if (!composer.SelectCodePage(command.Value))
                    notices.Add($"ESC t {command.Value}: code page not emulated, bytes >= 0x80 print as '?'");
                break;
            case EscPosCommandKind.Align: composer.Align(command.Value); break;
            case EscPosCommandKind.Bold: composer.Bold(command.Value); break;
            case EscPosCommandKind.PrintMode: composer.PrintMode(command.Value); break;
            case EscPosCommandKind.CharacterSize: composer.CharacterSize(command.Value); break;
            case EscPosCommandKind.FeedLines: composer.FeedLines(command.Value); break;
            // Model 2 only, CR ignored; a status request has no line to be answered on here.
            case EscPosCommandKind.QrModel or EscPosCommandKind.CarriageReturn or EscPosCommandKind.StatusRequest: break;
            case EscPosCommandKind.QrModuleSize: composer.QrModuleSize(command.Value); break;
            case EscPosCommandKind.QrErrorCorrection: composer.QrErrorCorrection(command.Value); break;
            case EscPosCommandKind.QrStore: composer.QrStore(command.Data ?? []); break;
            case EscPosCommandKind.QrPrint:
                if (!composer.PrintQr()) notices.Add("GS ( k print: no QR data stored, or too long for a QR symbol");
                break;
            case EscPosCommandKind.Cut: pages.Add(composer.Cut(command.Value)); break;
            case EscPosCommandKind.Unknown: notices.Add("unknown command: " + (command.Description ?? "?")); break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command.Kind, "command kind not handled");
        }
    }
}
