using System.Text;
using SkiaSharp;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>Draws a cut page as the paper would look: black on white, 576 (80 mm) or 384 (58 mm) dots wide.</summary>
public static class PageRenderer
{
    public static PrintedPaper Render(IReadOnlyList<PageBlock> blocks) => Render(blocks, PaperWidth.Mm80);

    /// <param name="torn">The page was torn off at a jam or the end of the roll, not cut.</param>
    public static PrintedPaper Render(IReadOnlyList<PageBlock> blocks, PaperWidth width, bool torn = false)
    {
        int paperDots = PaperGeometry.WidthDotsOf(width);
        int height = HeightDots(blocks);
        using var bitmap = new SKBitmap(paperDots, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            int top = PaperGeometry.Margin;
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case TextLineBlock line: DrawLine(canvas, line, top, paperDots); break;
                    case QrBlock qr: DrawQr(canvas, qr, top, paperDots); break;
                }
                top += block.HeightDots;
            }
        }
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return new PrintedPaper(png.ToArray(), TextOf(blocks), QrPayloadsOf(blocks)) { Torn = torn, Width = width };
    }

    /// <summary>Dot rows of paper a page takes: its blocks plus the top and bottom margins.</summary>
    public static int HeightDots(IReadOnlyList<PageBlock> blocks) => PaperGeometry.Margin * 2 + blocks.Sum(b => b.HeightDots);

    private static void DrawLine(SKCanvas canvas, TextLineBlock line, int top, int paperDots)
    {
        float x = StartX(line.Alignment, line.WidthDots, paperDots);
        // Characters of different heights share the bottom of the line, as on a printer.
        int bottom = top + PaperGeometry.CellHeight * line.TallestMultiplier;
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        foreach (var run in line.Runs)
        {
            var face = run.Bold ? ThermalFont.Bold : ThermalFont.Regular;
            using var font = new SKFont(face.Typeface, face.Size) { Edging = SKFontEdging.Antialias };
            float cellTop = bottom - PaperGeometry.CellHeight * run.HeightMultiplier;
            if (run.UnderlineDots > 0)
                canvas.DrawRect(x, bottom - run.UnderlineDots, run.WidthDots, run.UnderlineDots, paint);
            foreach (char c in run.Text)
            {
                canvas.Save();
                canvas.Translate(x, cellTop);
                canvas.Scale(run.WidthMultiplier, run.HeightMultiplier);
                canvas.DrawText(c.ToString(), 0, face.BaselineInCell, SKTextAlign.Left, font, paint);
                canvas.Restore();
                x += PaperGeometry.CellWidth * run.WidthMultiplier;
            }
        }
    }

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

    private static float StartX(Alignment alignment, int widthDots, int paperDots) => alignment switch
    {
        Alignment.Center => Math.Max(0, (paperDots - widthDots) / 2),
        Alignment.Right => Math.Max(0, paperDots - widthDots),
        _ => 0,
    };

    private static string TextOf(IReadOnlyList<PageBlock> blocks) =>
        string.Join("\n", blocks.OfType<TextLineBlock>().Select(l => l.Text));

    private static string[] QrPayloadsOf(IReadOnlyList<PageBlock> blocks) =>
        blocks.OfType<QrBlock>().Select(q => Encoding.UTF8.GetString(q.Data)).ToArray();
}
