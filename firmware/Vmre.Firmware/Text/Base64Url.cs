namespace Vmre.Firmware.Text
{
    /// <summary>
    /// Base64url without padding (RFC 4648 section 5), written by hand so the encoding is
    /// identical on nanoFramework and .NET. Decoding is strict (canonical only): no padding,
    /// no whitespace, no non-zero trailing bits, so one signature has exactly one token text.
    /// </summary>
    public static class Base64Url
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        public static string Encode(byte[] data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            char[] output = new char[(data.Length * 4 + 2) / 3];
            int o = 0;
            int i = 0;
            for (; i + 2 < data.Length; i += 3)
            {
                int v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
                output[o++] = Alphabet[(v >> 18) & 63];
                output[o++] = Alphabet[(v >> 12) & 63];
                output[o++] = Alphabet[(v >> 6) & 63];
                output[o++] = Alphabet[v & 63];
            }
            int rest = data.Length - i;
            if (rest == 1)
            {
                int v = data[i] << 16;
                output[o++] = Alphabet[(v >> 18) & 63];
                output[o++] = Alphabet[(v >> 12) & 63];
            }
            else if (rest == 2)
            {
                int v = (data[i] << 16) | (data[i + 1] << 8);
                output[o++] = Alphabet[(v >> 18) & 63];
                output[o++] = Alphabet[(v >> 12) & 63];
                output[o++] = Alphabet[(v >> 6) & 63];
            }
            return new string(output, 0, o);
        }

        /// <summary>Returns the decoded bytes, or null when text is not canonical base64url.</summary>
        public static byte[] TryDecode(string text)
        {
            if (text == null) return null;
            int rest = text.Length % 4;
            if (rest == 1) return null;
            byte[] output = new byte[text.Length / 4 * 3 + (rest == 0 ? 0 : rest - 1)];
            int o = 0;
            int acc = 0;
            int bits = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int v = ValueOf(text[i]);
                if (v < 0) return null;
                acc = (acc << 6) | v;
                bits += 6;
                if (bits >= 8)
                {
                    bits -= 8;
                    output[o++] = (byte)((acc >> bits) & 0xFF);
                    acc &= (1 << bits) - 1;
                }
            }
            if (acc != 0) return null; // non-zero leftover bits: a second spelling of the same bytes
            return output;
        }

        private static int ValueOf(char c)
        {
            if (c >= 'A' && c <= 'Z') return c - 'A';
            if (c >= 'a' && c <= 'z') return c - 'a' + 26;
            if (c >= '0' && c <= '9') return c - '0' + 52;
            if (c == '-') return 62;
            if (c == '_') return 63;
            return -1;
        }
    }
}
