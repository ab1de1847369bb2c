using System.Text;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// The data of GS k 73 (CODE128) as ESC/POS sends it: "{A", "{B", "{C" choose a code set,
/// "{S" shifts one character, "{1".."{4" are FNC1..FNC4 and "{{" is a brace; in code set C
/// each byte is a value 0..99 printed as two digits. Turned into the text the symbol carries,
/// which is what a reader decodes and what the printer prints as HRI.
/// </summary>
internal static class Code128Data
{
    /// <summary>ZXing's escape for FNC1 in the content it encodes.</summary>
    private const char Fnc1 = '\u00f1';

    /// <returns>The content for the symbol (FNC1 escaped) and the HRI text; null if malformed.</returns>
    public static (string Content, string Hri)? Read(byte[] data, out string why)
    {
        var content = new StringBuilder();
        var hri = new StringBuilder();
        char set = 'B'; // tolerated default: strict printers refuse data without a code set
        for (int i = 0; i < data.Length; i++)
        {
            byte b = data[i];
            if (b == (byte)'{')
            {
                if (++i >= data.Length) { why = "CODE128 data ends in '{'"; return null; }
                switch ((char)data[i])
                {
                    case 'A' or 'B' or 'C': set = (char)data[i]; continue;
                    case 'S': continue; // the shifted character is read as a character below
                    case '1': content.Append(Fnc1); continue;
                    case '2' or '3' or '4': continue; // not carried in the decoded text
                    case '{': content.Append('{'); hri.Append('{'); continue;
                    default: why = $"CODE128 data has an unknown '{{' sequence (0x{data[i]:X2})"; return null;
                }
            }
            if (set == 'C')
            {
                if (b > 99) { why = $"CODE128 code set C value {b} is over 99"; return null; }
                content.Append(b.ToString("00"));
                hri.Append(b.ToString("00"));
            }
            else
            {
                if (b is < 0x20 or > 0x7E) { why = $"CODE128 character 0x{b:X2} is not printable ASCII"; return null; }
                content.Append((char)b);
                hri.Append((char)b);
            }
        }
        if (content.Length == 0) { why = "CODE128 data is empty"; return null; }
        why = "";
        return (content.ToString(), hri.ToString());
    }
}
