using System.Text;
using SkiaSharp;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>Draws a cut page as the paper would look: black on white, 576 (80 mm) or 384 (58 mm) dots wide.</summary>
public static class PageRenderer
{
    public static PrintedPaper Render(IReadOnlyList<PageBlock> blocks) => Render(blocks, PaperWidth.Mm80);

    /// <param name="torn">The page was torn off at a jam or the end of the roll, not cut.</param>
    /// <param name="partialCut">The cutter left one point uncut (GS V 1/49/66…); the official tears it off.</param>
    public static PrintedPaper Render(IReadOnlyList<PageBlock> blocks, PaperWidth width, bool torn = false, bool partialCut = false)
    {
        int paperDots = PaperGeometry.WidthDotsOf(width);
        int height = HeightDots(blocks);
        using var bitmap = new SKBitmap(paperDots, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            // Blocks are drawn in the order printed, each where it landed: what was printed over
            // (after an ESC K) is drawn over, and black wins (issue 9 §3): a thermal head only
            // heats dots, so a later block's white (a reverse glyph) cannot clear earlier black.
            using var heatOnly = new SKPaint { BlendMode = SKBlendMode.Darken };
            foreach (var block in blocks)
            {
                int top = PaperGeometry.Margin + block.Top;
                canvas.SaveLayer(new SKRect(0, top, paperDots, top + block.HeightDots), heatOnly);
                switch (block)
                {
                    case TextLineBlock line:
                        TextPainter.Draw(canvas, line.Runs, StartX(line.Alignment, line.WidthDots, paperDots), top + line.TallestDots);
                        break;
                    case QrBlock qr: DrawQr(canvas, qr, top, paperDots); break;
                    case BarcodeBlock barcode: BarcodePainter.Draw(canvas, barcode, top, StartX(barcode.Alignment, barcode.WidthDots, paperDots)); break;
                    case FeedBlock: break; // blank paper
                    default: throw new InvalidOperationException($"no drawing for {block.GetType().Name}");
                }
                canvas.Restore();
            }
        }
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var readable = Readable(blocks, paperDots);
        return new PrintedPaper(png.ToArray(), TextOf(readable), QrPayloadsOf(readable))
        {
            Torn = torn, PartialCut = partialCut, Width = width, Barcodes = BarcodesOf(readable),
        };
    }

    /// <summary>
    /// Dot rows of paper a page takes: down to the lowest row reached, plus the top and bottom
    /// margins. Paper fed back and printed over (ESC K) is not counted again.
    /// </summary>
    public static int HeightDots(IReadOnlyList<PageBlock> blocks) =>
        PaperGeometry.Margin * 2 + (blocks.Count == 0 ? 0 : blocks.Max(b => b.Bottom));

    private static void DrawQr(SKCanvas canvas, QrBlock qr, int top, int paperDots)
    {
        int module = qr.EffectiveModuleSize;
        float left = StartX(qr.Alignment, qr.SideDots, paperDots) + PaperGeometry.QuietZoneModules * module;
        float y0 = top + PaperGeometry.QuietZoneModules * module;
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
        var modules = qr.Modules;
        for (int row = 0; row < modules.GetLength(0); row++)
            for (int col = 0; col < modules.GetLength(1); col++)
                if (modules[row, col])
                    canvas.DrawRect(left + col * module, y0 + row * module, module, module, paint);
    }

    internal static float StartX(Alignment alignment, int widthDots, int paperDots) => alignment switch
    {
        Alignment.Center => Math.Max(0, (paperDots - widthDots) / 2),
        Alignment.Right => Math.Max(0, paperDots - widthDots),
        _ => 0,
    };

    /// <summary>What a person can still read, top to bottom: blocks under a later black band are left out.</summary>
    private static PageBlock[] Readable(IReadOnlyList<PageBlock> blocks, int paperDots)
    {
        var hidden = Overprint.Hidden(blocks, paperDots);
        return blocks.Where((_, i) => !hidden[i]).OrderBy(b => b.Top).ToArray(); // OrderBy is stable
    }

    private static string TextOf(IReadOnlyList<PageBlock> blocks) =>
        string.Join("\n", blocks.OfType<TextLineBlock>().Select(l => l.Text));

    private static string[] QrPayloadsOf(IReadOnlyList<PageBlock> blocks) =>
        blocks.OfType<QrBlock>().Select(q => Encoding.UTF8.GetString(q.Data)).ToArray();

    private static string[] BarcodesOf(IReadOnlyList<PageBlock> blocks) =>
        blocks.OfType<BarcodeBlock>().Select(b => b.Symbol.Hri).ToArray();
}
