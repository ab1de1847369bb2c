using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.Multi;

namespace Vmre.HardwareSim.Printer;

/// <summary>
/// Reads 1D barcodes back from a printed page image with ZXing, as a hand scanner would, so tests
/// prove the emulator's bars decode rather than merely look like bars.
/// </summary>
public static class BarcodeImageDecoder
{
    // The PNG is the printable width only; on paper a few millimetres of blank margin lie on
    // either side, which is the quiet zone a left-aligned symbol needs to be read.
    private const int PaperMargin = 32;

    private static readonly List<BarcodeFormat> OneDimensional =
    [
        BarcodeFormat.CODE_128, BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E,
        BarcodeFormat.CODE_39, BarcodeFormat.CODE_93, BarcodeFormat.ITF, BarcodeFormat.CODABAR,
    ];

    /// <summary>Every 1D barcode found, top to bottom, with its format; empty when none (or the PNG is unreadable).</summary>
    public static (BarcodeFormat Format, string Text)[] Decode(byte[] png)
    {
        using var page = SKBitmap.Decode(png);
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
        var image = new BinaryBitmap(new HybridBinarizer(source));
        var hints = new Dictionary<DecodeHintType, object>
        {
            [DecodeHintType.TRY_HARDER] = true,
            [DecodeHintType.POSSIBLE_FORMATS] = OneDimensional,
        };
        var results = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(image, hints) ?? [];
        return results
            .OrderBy(r => r.ResultPoints.Length > 0 ? r.ResultPoints.Min(p => p.Y) : 0)
            .Select(r => (r.BarcodeFormat, r.Text))
            .ToArray();
    }
}
