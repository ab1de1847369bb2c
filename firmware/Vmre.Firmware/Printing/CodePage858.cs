namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// Char to byte for printer code page 858 (850 plus the euro sign), the page selected by
    /// ESC t 19. Covers printable ASCII and the letters of Spanish names and text; anything
    /// else prints as '?'. Control chars also become '?': text from the election package or
    /// the host can never smuggle printer commands into a ticket.
    /// </summary>
    public static class CodePage858
    {
        public const byte Unknown = (byte)'?';

        public static byte ToByte(char c)
        {
            if (c >= 0x20 && c < 0x7F) return (byte)c;
            switch (c)
            {
                case '\u00E1': return 0xA0; // á
                case '\u00E9': return 0x82; // é
                case '\u00ED': return 0xA1; // í
                case '\u00F3': return 0xA2; // ó
                case '\u00FA': return 0xA3; // ú
                case '\u00FC': return 0x81; // ü
                case '\u00F1': return 0xA4; // ñ
                case '\u00C1': return 0xB5; // Á
                case '\u00C9': return 0x90; // É
                case '\u00CD': return 0xD6; // Í
                case '\u00D3': return 0xE0; // Ó
                case '\u00DA': return 0xE9; // Ú
                case '\u00DC': return 0x9A; // Ü
                case '\u00D1': return 0xA5; // Ñ
                case '\u00BF': return 0xA8; // ¿
                case '\u00A1': return 0xAD; // ¡
                case '\u00B0': return 0xF8; // °
                case '\u20AC': return 0xD5; // € (the one change from code page 850)
                // Typographic punctuation has no glyph on the printer: print its plain form.
                case '\u2013': case '\u2014': return (byte)'-'; // en and em dash
                case '\u2018': case '\u2019': return (byte)'\''; // single quotes
                case '\u201C': case '\u201D': return (byte)'"'; // double quotes
                default: return Unknown;
            }
        }

        public static byte[] GetBytes(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) bytes[i] = ToByte(text[i]);
            return bytes;
        }
    }
}
