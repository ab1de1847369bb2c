using System.Text;
using ZXing;
using ZXing.Common;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// The bars of a GS k barcode, one bool per module (true = bar), built by ZXing's writers so a
/// reader decodes what the host sent. <paramref name="Hri"/> is the human readable text
/// (check digit included), <paramref name="Symbology"/> the function B number m.
/// </summary>
public sealed record BarcodeSymbol(bool[] Modules, string Hri, int Symbology)
{
    /// <summary>Encodes GS k m data; null (with why) when the printer would refuse the data.</summary>
    public static BarcodeSymbol? Encode(int m, byte[] data, out string why)
    {
        string ascii = Encoding.ASCII.GetString(data);
        string? problem = null;
        (BarcodeFormat Format, string Content, string Hri)? plan = m switch
        {
            65 => Retail(BarcodeFormat.UPC_A, ascii, 11),
            66 => Digits(ascii) ? (BarcodeFormat.UPC_E, ascii, ascii) : null,
            67 => Retail(BarcodeFormat.EAN_13, ascii, 12),
            68 => Retail(BarcodeFormat.EAN_8, ascii, 7),
            69 => (BarcodeFormat.CODE_39, ascii.Trim('*'), ascii.Trim('*')),
            70 => Digits(ascii) ? (BarcodeFormat.ITF, ascii, ascii) : null,
            71 => (BarcodeFormat.CODABAR, ascii, ascii),
            72 => (BarcodeFormat.CODE_93, ascii, ascii),
            73 => Code128(data, out problem),
            79 => (BarcodeFormat.CODE_128, ascii, ascii), // CODE128 auto: the printer picks the code sets
            _ => null,
        };
        if (plan is not { } p)
        {
            why = m is >= 74 and <= 78 ? $"GS k {m}: GS1 symbologies are not emulated"
                : problem is not null ? $"GS k {m}: {problem}"
                : $"GS k {m}: data not valid for this symbology";
            return null;
        }
        try
        {
            var hints = new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = 0 };
            BitMatrix matrix = new MultiFormatWriter().encode(p.Content, p.Format, 1, 1, hints);
            var modules = new bool[matrix.Width];
            for (int x = 0; x < matrix.Width; x++) modules[x] = matrix[x, 0];
            why = "";
            return new BarcodeSymbol(modules, p.Hri, m);
        }
        catch (Exception ex) when (ex is ArgumentException or WriterException or IndexOutOfRangeException or InvalidOperationException)
        {
            // ZXing refuses what the symbology cannot carry, as a printer ignores such a command.
            why = $"GS k {m}: {ex.Message}";
            return null;
        }
    }

    private static (BarcodeFormat, string, string)? Code128(byte[] data, out string problem) =>
        Code128Data.Read(data, out problem) is { } code ? (BarcodeFormat.CODE_128, code.Content, code.Hri) : null;

    /// <summary>UPC/EAN: the data without its check digit, or with a correct one.</summary>
    private static (BarcodeFormat, string, string)? Retail(BarcodeFormat format, string digits, int withoutCheck)
    {
        if (!Digits(digits)) return null;
        string full = digits.Length == withoutCheck ? digits + CheckDigit(digits) : digits;
        if (full.Length != withoutCheck + 1 || full[^1] != CheckDigit(full[..^1])) return null;
        return (format, full, full);
    }

    private static bool Digits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    /// <summary>GS1 mod 10: weights 3, 1, 3, … from the rightmost data digit.</summary>
    private static char CheckDigit(string data)
    {
        int sum = 0;
        for (int i = 0; i < data.Length; i++)
            sum += (data[data.Length - 1 - i] - '0') * (i % 2 == 0 ? 3 : 1);
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
