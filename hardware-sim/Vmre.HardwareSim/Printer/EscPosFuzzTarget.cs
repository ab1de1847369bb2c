using Vmre.HardwareSim.Printer.Interpreter;
using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.HardwareSim.Printer;

/// <summary>
/// The entry point a fuzzer calls: interprets any bytes on both paper widths, lays every page
/// out (QR symbols included) without drawing PNGs, and returns the number of 80 mm pages. Any
/// exception escaping is a bug in the interpreter.
/// </summary>
public static class EscPosFuzzTarget
{
    public static int Run(byte[] input)
    {
        int pages = Pages(input, PaperWidth.Mm80);
        Pages(input, PaperWidth.Mm58);
        return pages;
    }

    private static int Pages(byte[] input, PaperWidth width)
    {
        var interpreter = new EscPosInterpreter(width);
        int pages = 0;
        foreach (var output in interpreter.Feed(input))
            if (output is PrinterOutput.Page page)
            {
                _ = PageRenderer.HeightDots(page.Blocks);
                pages++;
            }
        var rest = interpreter.TakeUncut();
        if (rest.Any(b => b.Inked)) { _ = PageRenderer.HeightDots(rest); pages++; }
        return pages;
    }
}
