using ZXing;
using ZXing.Common;
using ZXing.Multi;
using ZXing.Multi.QrCode;

namespace Vmre.Audit.Paper;

/// <summary>
/// Reads every QR symbol and every Code128 barcode off a printed page image with ZXing, as the
/// paper recount does (rules.md R1; issue 9 §3): what is printed over by a black band does not
/// read, because the image is what counts.
/// </summary>
public static class PageImageReader
{
    // The PNG is the printable width only; on paper a few millimetres of blank margin lie on
    // either side, which is the quiet zone a left-aligned barcode needs to be read.
    private const int PaperMargin = 32;

    /// <summary>Every QR text and Code128 text on the page; none when the bytes are no image.</summary>
    public static PageSymbols Read(byte[] png)
    {
        // One pass over the pixels (the costly part) serves both readers; blank paper around a QR is harmless.
        if (PaperPixels.Of(png, PaperMargin) is not { } pixels) return PageSymbols.None;
        return new PageSymbols(Qr(pixels), Code128(pixels));
    }

    /// <summary>All QR texts found, top to bottom; empty when none (or the PNG is unreadable).</summary>
    public static string[] ReadQr(byte[] png) => PaperPixels.Of(png) is { } pixels ? Qr(pixels) : [];

    /// <summary>All Code128 texts found, top to bottom; empty when none (or the PNG is unreadable).</summary>
    public static string[] ReadCode128(byte[] png) => PaperPixels.Of(png, PaperMargin) is { } pixels ? Code128(pixels) : [];

    private static string[] Qr(PaperPixels pixels)
    {
        var source = new RGBLuminanceSource(pixels.Luminance, pixels.Width, pixels.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = Hints(BarcodeFormat.QR_CODE);
        // The local-threshold binarizer suits printed paper; a code drawn on a screen and scaled to
        // a fractional module size (the desk's activation QR) can defeat it at its antialiased
        // edges, where one global threshold still reads it. Reed-Solomon checks every read alike.
        var found = Qr(new BinaryBitmap(new HybridBinarizer(source)), hints);
        return found.Length > 0 ? found : Qr(new BinaryBitmap(new GlobalHistogramBinarizer(source)), hints);
    }

    private static string[] Code128(PaperPixels pixels)
    {
        var source = new RGBLuminanceSource(pixels.Luminance, pixels.Width, pixels.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var results = new GenericMultipleBarcodeReader(new MultiFormatReader())
            .decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), Hints(BarcodeFormat.CODE_128));
        return TopToBottom(results ?? []);
    }

    private static Dictionary<DecodeHintType, object> Hints(BarcodeFormat format) => new()
    {
        [DecodeHintType.TRY_HARDER] = true,
        [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { format },
    };

    private static string[] Qr(BinaryBitmap image, Dictionary<DecodeHintType, object> hints)
    {
        var results = new QRCodeMultiReader().decodeMultiple(image, hints);
        if (results is null || results.Length == 0)
        {
            var single = new ZXing.QrCode.QRCodeReader().decode(image, hints);
            return single is null ? [] : [single.Text];
        }
        return TopToBottom(results);
    }

    private static string[] TopToBottom(Result[] results) => results
        .OrderBy(r => r.ResultPoints.Length > 0 ? r.ResultPoints.Min(p => p.Y) : 0)
        .Select(r => r.Text)
        .ToArray();
}
