using Vmre.Firmware.Text;

namespace Vmre.Firmware.Testigo
{
    /// <summary>
    /// How a write-in name is spelled on the wire in VMRE-T2: ASCII letters and spaces as they
    /// are, every other letter (Ñ Á É Í Ó Ú Ü) as its UTF-8 bytes in %XX with UPPERCASE hex.
    /// The QR then holds ASCII only, so every reader at its default character set (ISO-8859-1,
    /// UTF-8 or a Shift-JIS guess) reads the same text (issue 9 point 4). Decoding is
    /// canonical: one name has exactly one wire spelling.
    /// </summary>
    internal static class WriteInSpelling
    {
        private const string HexDigits = "0123456789ABCDEF";

        public static string Encode(string name)
        {
            CharBuffer wire = new CharBuffer(name.Length * 2);
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c < 0x80)
                {
                    wire.Append(c);
                    continue;
                }
                byte[] bytes = Utf8.GetBytes(new string(c, 1));
                for (int b = 0; b < bytes.Length; b++)
                {
                    wire.Append('%').Append(HexDigits[bytes[b] >> 4]).Append(HexDigits[bytes[b] & 0x0F]);
                }
            }
            return wire.ToString();
        }

        /// <summary>The name, or null with reason set (a TestigoReasons constant).</summary>
        public static string Decode(string wire, out string reason)
        {
            CharBuffer name = new CharBuffer(wire.Length);
            int i = 0;
            while (i < wire.Length)
            {
                char c = wire[i];
                if (c >= 0x80)
                {
                    reason = TestigoReasons.NotWireChar;
                    return null;
                }
                if (c != '%')
                {
                    name.Append(c);
                    i++;
                    continue;
                }
                int lead = ReadEscape(wire, i, out reason);
                if (lead < 0) return null;
                // Two-byte UTF-8 only (U+0080..U+07FF): every letter the name may hold is one.
                // C0/C1 would be overlong spellings of ASCII, so they are refused too.
                if (lead < 0xC2 || lead > 0xDF)
                {
                    reason = TestigoReasons.BadWriteInEncoding;
                    return null;
                }
                int next = ReadEscape(wire, i + 3, out reason);
                if (next < 0) return null;
                if (next < 0x80 || next > 0xBF)
                {
                    reason = TestigoReasons.BadWriteInEncoding;
                    return null;
                }
                name.Append((char)(((lead & 0x1F) << 6) | (next & 0x3F)));
                i += 6;
            }
            reason = null;
            return name.ToString();
        }

        // One %XX at start: its byte value, or -1 with reason set. An ASCII byte is refused
        // here: ASCII letters are never escaped, so "%41" would be a second spelling of "A".
        private static int ReadEscape(string wire, int start, out string reason)
        {
            if (start + 2 >= wire.Length || wire[start] != '%')
            {
                reason = TestigoReasons.BadWriteInEncoding;
                return -1;
            }
            char high = wire[start + 1];
            char low = wire[start + 2];
            if (IsLowerHexLetter(high) || IsLowerHexLetter(low))
            {
                reason = TestigoReasons.WriteInLowercaseHex;
                return -1;
            }
            if (!Chars.IsUpperHex(high) || !Chars.IsUpperHex(low))
            {
                reason = TestigoReasons.BadWriteInEncoding;
                return -1;
            }
            int value = (HexDigits.IndexOf(high) << 4) | HexDigits.IndexOf(low);
            if (value < 0x80)
            {
                reason = TestigoReasons.WriteInEncodedAscii;
                return -1;
            }
            reason = null;
            return value;
        }

        private static bool IsLowerHexLetter(char c)
        {
            return c >= 'a' && c <= 'f';
        }
    }
}
