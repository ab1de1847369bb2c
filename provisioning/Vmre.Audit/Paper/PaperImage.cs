using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.Multi;

namespace Vmre.Audit.Paper;

/// <summary>
/// Every code on a paper image: the QR symbols (<see cref="QrImageDecoder"/>) and the Code128
/// marks (VMRE-M1) printed under a testigo. The recount reads papers through this alone
/// (rules.md R1: the image is what counts).
/// </summary>
public static class PaperImage
{
    // The PNG is the printable width only; on paper a few millimetres of blank margin lie on either
    // side, the quiet zone a 1D symbol needs to be read.
    private const int PaperMargin = 32;

    public static PaperCodes Codes(byte[] png) => new(QrImageDecoder.Decode(png), Code128(png));

    /// <summary>The Code128 texts, top to bottom; empty when none (or the PNG is unreadable).</summary>
    public static string[] Code128(byte[] png)
    {
        using var data = SKData.CreateCopy(png);
        using var codec = SKCodec.Create(data);
        if (codec is null) return [];
        using var page = SKBitmap.Decode(codec);
        if (page is null) return [];
        int width = page.Width + 2 * PaperMargin, height = page.Height + 2 * PaperMargin;
        var luminance = new byte[width * height];
        Array.Fill(luminance, (byte)0xFF);
        for (int y = 0; y < page.Height; y++)
            for (int x = 0; x < page.Width; x++)
            {
                var c = page.GetPixel(x, y);
                luminance[(y + PaperMargin) * width + x + PaperMargin] = (byte)((c.Red * 299 + c.Green * 587 + c.Blue * 114) / 1000);
            }
        var source = new RGBLuminanceSource(luminance, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object>
        {
            [DecodeHintType.TRY_HARDER] = true,
            [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.CODE_128 },
        };
        var results = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), hints) ?? [];
        return results
            .OrderBy(r => r.ResultPoints.Length > 0 ? r.ResultPoints.Min(p => p.Y) : 0)
            .Select(r => r.Text)
            .Distinct()
            .ToArray();
    }
}
