using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;

namespace Vmre.Audit.Paper;

/// <summary>
/// Reads the QR symbols back from a printed page image with ZXing, so tests and the paper
/// recount tool (rules.md R1) prove the testigo's QR is machine-readable, not just drawn.
/// </summary>
public static class QrImageDecoder
{
    /// <summary>All QR texts found, top to bottom; empty when none (or the PNG is unreadable).</summary>
    public static string[] Decode(byte[] png)
    {
        // A paper image that is no image (a corrupt file in the box) reads as no QR: the recount
        // counts it unreadable instead of stopping (rules.md R1). SKBitmap.Decode(byte[]) throws
        // on bytes of no known format, so the codec is asked first.
        using var data = SKData.CreateCopy(png);
        using var codec = SKCodec.Create(data);
        if (codec is null) return [];
        using var bitmap = SKBitmap.Decode(codec);
        if (bitmap is null) return [];
        var luminance = new byte[bitmap.Width * bitmap.Height];
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                luminance[y * bitmap.Width + x] = (byte)((c.Red * 299 + c.Green * 587 + c.Blue * 114) / 1000);
            }
        var source = new RGBLuminanceSource(luminance, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object>
        {
            [DecodeHintType.TRY_HARDER] = true,
            [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE },
        };
        // The local-threshold binarizer suits printed paper; a code drawn on a screen and scaled to
        // a fractional module size (the desk's activation QR) can defeat it at its antialiased
        // edges, where one global threshold still reads it. Reed-Solomon checks every read alike.
        var found = Read(new BinaryBitmap(new HybridBinarizer(source)), hints);
        return found.Length > 0 ? found : Read(new BinaryBitmap(new GlobalHistogramBinarizer(source)), hints);
    }

    private static string[] Read(BinaryBitmap image, Dictionary<DecodeHintType, object> hints)
    {
        var results = new QRCodeMultiReader().decodeMultiple(image, hints);
        if (results is null || results.Length == 0)
        {
            var single = new ZXing.QrCode.QRCodeReader().decode(image, hints);
            return single is null ? [] : [single.Text];
        }
        return results
            .OrderBy(r => r.ResultPoints.Length > 0 ? r.ResultPoints.Min(p => p.Y) : 0)
            .Select(r => r.Text)
            .ToArray();
    }
}
