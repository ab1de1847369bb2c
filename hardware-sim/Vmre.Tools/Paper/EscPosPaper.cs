using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.Interpreter;

namespace Vmre.Tools.Paper;

/// <summary>
/// The one place vmre-tools turns ESC/POS bytes into paper: the hardware simulator's offline
/// <see cref="EscPosInterpreter"/>, the same code the printer emulator runs (one code path,
/// brief section 4), so a technician sees exactly what the emulator would print.
/// </summary>
public static class EscPosPaper
{
    // Never a refusal: the interpreter turns any byte it cannot act on into a notice.
    public static PrintedRoll Print(byte[] bytes, PaperWidth width)
    {
        var pages = EscPosInterpreter.RenderAll(bytes, width, out var notices);
        return new PrintedRoll(pages, notices.Select(Describe).ToArray());
    }

    private static string Describe(PrinterNotice notice) => notice.Kind switch
    {
        PrinterNoticeKind.UnknownCommand => "unknown command: " + notice.Detail,
        _ => notice.Kind + ": " + notice.Detail,
    };
}
