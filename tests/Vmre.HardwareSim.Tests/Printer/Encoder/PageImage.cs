using SkiaSharp;
using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.HardwareSim.Tests.Printer.Encoder;

/// <summary>A rendered page's pixels, and where each block landed on it, for checking styles by their ink.</summary>
internal sealed class PageImage : IDisposable
{
    private readonly SKBitmap _bitmap;
    private readonly List<(PageBlock Block, int Top)> _placed = new();

    public PageImage(byte[] png, IReadOnlyList<PageBlock> blocks)
    {
        _bitmap = SKBitmap.Decode(png);
        foreach (var block in blocks) _placed.Add((block, PaperGeometry.Margin + block.Top));
    }

    /// <summary>The text line that reads <paramref name="text"/>, and its top row on the page.</summary>
    public (TextLineBlock Line, int Top) Line(string text)
    {
        var (block, top) = _placed.Single(p => p.Block is TextLineBlock line && line.Text.Trim() == text);
        return ((TextLineBlock)block, top);
    }

    /// <summary>Leftmost and rightmost inked column between two rows; (-1, -1) when blank.</summary>
    public (int Left, int Right) InkSpan(int top, int bottom)
    {
        int left = -1, right = -1;
        for (int x = 0; x < _bitmap.Width; x++)
            if (Enumerable.Range(top, bottom - top).Any(y => IsInk(x, y)))
            {
                if (left < 0) left = x;
                right = x;
            }
        return (left, right);
    }

    /// <summary>Share of inked pixels in a rectangle, 0..1.</summary>
    public double InkShare(int left, int top, int width, int height)
    {
        int ink = 0;
        for (int y = top; y < top + height; y++)
            for (int x = left; x < left + width; x++)
                if (IsInk(x, y)) ink++;
        return ink / (double)(width * height);
    }

    private bool IsInk(int x, int y) => _bitmap.GetPixel(x, y).Red < 128;

    public void Dispose() => _bitmap.Dispose();
}
