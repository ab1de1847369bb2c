using SkiaSharp;

namespace Vmre.Audit.Paper;

/// <summary>A page image as 8-bit luminance, the input every ZXing reader takes.</summary>
internal sealed record PaperPixels(byte[] Luminance, int Width, int Height)
{
    /// <summary>
    /// Null when the bytes are no image: a corrupt file in the box reads as no symbol, and the
    /// recount counts it unreadable instead of stopping (rules.md R1). SKBitmap.Decode(byte[])
    /// throws on bytes of no known format, so the codec is asked first.
    /// </summary>
    public static PaperPixels? Of(byte[] png, int margin = 0)
    {
        using var data = SKData.CreateCopy(png);
        using var codec = SKCodec.Create(data);
        if (codec is null) return null;
        using var bitmap = SKBitmap.Decode(codec);
        if (bitmap is null) return null;
        int width = bitmap.Width + 2 * margin, height = bitmap.Height + 2 * margin;
        var luminance = new byte[width * height];
        Array.Fill(luminance, (byte)0xFF);
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                luminance[(y + margin) * width + x + margin] = (byte)((c.Red * 299 + c.Green * 587 + c.Blue * 114) / 1000);
            }
        return new PaperPixels(luminance, width, height);
    }
}
