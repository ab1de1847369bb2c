using SkiaSharp;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>Draws runs of characters the way the head heats them: glyph cells on one bottom line.</summary>
internal static class TextPainter
{
    /// <summary>Draws the runs from <paramref name="x"/>; characters of different heights share <paramref name="bottom"/>.</summary>
    public static void Draw(SKCanvas canvas, IEnumerable<TextRun> runs, float x, int bottom)
    {
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var paper = new SKPaint { Color = SKColors.White, IsAntialias = true };
        foreach (var run in runs)
        {
            var style = run.Style;
            var face = ThermalFont.Of(style.Font, style.Bold);
            using var font = new SKFont(face.Typeface, face.Size) { Edging = SKFontEdging.Antialias };
            float cellTop = bottom - run.HeightDots;
            // Reverse heats the whole cell and leaves the glyph (and its underline) unheated.
            if (style.Reverse)
                canvas.DrawRect(x, cellTop, run.WidthDots, run.HeightDots, ink);
            var glyphs = style.Reverse ? paper : ink;
            if (style.UnderlineDots > 0)
                canvas.DrawRect(x, bottom - style.UnderlineDots, run.WidthDots, style.UnderlineDots, glyphs);
            foreach (char c in run.Text)
            {
                canvas.Save();
                canvas.Translate(x, cellTop);
                canvas.Scale(style.WidthMultiplier, style.HeightMultiplier);
                canvas.DrawText(c.ToString(), 0, face.BaselineInCell, SKTextAlign.Left, font, glyphs);
                canvas.Restore();
                x += style.AdvanceDots;
            }
        }
    }
}
