namespace Vmre.Firmware.Text
{
    /// <summary>
    /// Minimal UTF-8 encoder. nanoFramework's mscorlib has no System.Text.Encoding, and the
    /// testigo QR and activation tokens are defined as UTF-8 bytes (docs/formats/).
    /// Unpaired surrogates are encoded as U+FFFD, like .NET's default replacement behaviour.
    /// </summary>
    public static class Utf8
    {
        public static int ByteCount(string s)
        {
            int count = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < 0x80) count += 1;
                else if (c < 0x800) count += 2;
                else if (IsHighSurrogate(c) && i + 1 < s.Length && IsLowSurrogate(s[i + 1])) { count += 4; i++; }
                else count += 3;
            }
            return count;
        }

        public static byte[] GetBytes(string s)
        {
            byte[] bytes = new byte[ByteCount(s)];
            int p = 0;
            for (int i = 0; i < s.Length; i++)
            {
                int cp = s[i];
                if (IsHighSurrogate(s[i]) && i + 1 < s.Length && IsLowSurrogate(s[i + 1]))
                {
                    cp = 0x10000 + ((s[i] - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                    i++;
                }
                else if (IsHighSurrogate(s[i]) || IsLowSurrogate(s[i]))
                {
                    cp = 0xFFFD;
                }

                if (cp < 0x80)
                {
                    bytes[p++] = (byte)cp;
                }
                else if (cp < 0x800)
                {
                    bytes[p++] = (byte)(0xC0 | (cp >> 6));
                    bytes[p++] = (byte)(0x80 | (cp & 0x3F));
                }
                else if (cp < 0x10000)
                {
                    bytes[p++] = (byte)(0xE0 | (cp >> 12));
                    bytes[p++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    bytes[p++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    bytes[p++] = (byte)(0xF0 | (cp >> 18));
                    bytes[p++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    bytes[p++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    bytes[p++] = (byte)(0x80 | (cp & 0x3F));
                }
            }
            return bytes;
        }

        private static bool IsHighSurrogate(char c) { return c >= 0xD800 && c <= 0xDBFF; }

        private static bool IsLowSurrogate(char c) { return c >= 0xDC00 && c <= 0xDFFF; }
    }
}
