using SkiaSharp;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>Draws a barcode block: HRI above, bars of whole dots, HRI below.</summary>
internal static class BarcodePainter
{
    public static void Draw(SKCanvas canvas, BarcodeBlock barcode, int top, float left)
    {
        var hri = new[] { new TextRun(barcode.Symbol.Hri, new TextStyle(Font: barcode.HriFont)) };
        // HRI is centred under the bars; wider than the bars, it starts where they start.
        float hriLeft = left + Math.Max(0, (barcode.WidthDots - hri[0].WidthDots) / 2);
        int barsTop = top;
        if (barcode.HriAbove)
        {
            TextPainter.Draw(canvas, hri, hriLeft, top + hri[0].HeightDots);
            barsTop += barcode.HriLineDots;
        }
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
        var modules = barcode.Symbol.Modules;
        for (int i = 0; i < modules.Length; i++)
            if (modules[i])
                canvas.DrawRect(left + i * barcode.ModuleWidth, barsTop, barcode.ModuleWidth, barcode.BarHeight, ink);
        if (barcode.HriBelow)
            TextPainter.Draw(canvas, hri, hriLeft, barsTop + barcode.BarHeight + barcode.HriLineDots);
    }
}
