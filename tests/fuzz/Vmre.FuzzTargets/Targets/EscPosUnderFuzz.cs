using System.Text;
using System.Text.RegularExpressions;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.Interpreter;
using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.FuzzTargets.Targets;

/// <summary>What the printer made of one stream: pages cut, QR data printed, notices raised.</summary>
public sealed record EscPosInterpretation(int Pages, IReadOnlyList<string> QrPayloads, IReadOnlyList<string> Notices);

/// <summary>
/// The ESC/POS code under fuzz: the printer emulator's own <see cref="EscPosInterpreter"/> (the
/// code the emulator and `vmre tools render-escpos` run) on both paper widths with every page
/// laid out, as its fuzz entry point <see cref="EscPosFuzzTarget"/> does, then once more fed in
/// chunks, as serial bytes arrive, which must give the same paper. The whole 80 mm pass is both
/// the entry point's 80 mm pass and the paper the chunked pass must match.
/// </summary>
public static partial class EscPosUnderFuzz
{
    public static EscPosInterpretation Run(byte[] bytes)
    {
        var whole = Interpret(bytes, [bytes.Length], PaperWidth.Mm80);
        Interpret(bytes, [bytes.Length], PaperWidth.Mm58);
        var chunked = Interpret(bytes, ChunkSizes(bytes), PaperWidth.Mm80);
        if (whole.Pages != chunked.Pages || !whole.QrPayloads.SequenceEqual(chunked.QrPayloads))
            throw new PropertyViolation("reading in chunks printed different paper than reading at once");
        return whole;
    }

    private static EscPosInterpretation Interpret(byte[] bytes, IEnumerable<int> chunks, PaperWidth width)
    {
        var interpreter = new EscPosInterpreter(width);
        var pages = new List<IReadOnlyList<PageBlock>>();
        var notices = new List<string>();
        int at = 0;
        foreach (int size in chunks)
        {
            foreach (var output in interpreter.Feed(bytes.AsSpan(at, size)))
            {
                if (output is PrinterOutput.Page page) pages.Add(page.Blocks);
                else if (output is PrinterOutput.Notice notice) notices.Add(Shape(notice.What.Detail));
            }
            at += size;
        }
        if (interpreter.Pending > 0) notices.Add("incomplete command at end of stream");
        var rest = interpreter.TakeUncut();
        if (rest.Count > 0) pages.Add(rest); // content after the last cut is paper too
        foreach (var page in pages) _ = PageRenderer.HeightDots(page); // lay every page out, QR symbols included
        var qr = pages.SelectMany(p => p.OfType<QrBlock>()).Select(q => Encoding.UTF8.GetString(q.Data)).ToList();
        return new EscPosInterpretation(pages.Count, qr, notices);
    }

    // Chunk sizes drawn from the bytes themselves, so Run stays a pure function of its input.
    private static IEnumerable<int> ChunkSizes(byte[] bytes)
    {
        int at = 0, i = 0;
        while (at < bytes.Length)
        {
            int size = Math.Min(bytes.Length - at, 1 + (bytes[i++ % bytes.Length] % 17));
            yield return size;
            at += size;
        }
    }

    // "ESC 0x4A (3 bytes)" and "ESC 0x4B (4 bytes)" are one reason: numbers out, shape kept.
    private static string Shape(string? description) => Numbers().Replace(description ?? "?", "n");

    [GeneratedRegex(@"0x[0-9A-Fa-f]+|\d+")]
    private static partial Regex Numbers();
}
