namespace Vmre.HardwareSim.Printer;

/// <summary>
/// IBM code page 858 (code page 850 with € at 0xD5), selected on Epson printers by ESC t 19.
/// It carries every Spanish letter a testigo needs (á é í ó ú ü ñ, their capitals, ¿ ¡ °).
/// Written out here rather than taken from the OS so the emulator decodes exactly what a
/// printer's ROM would, on any host.
/// </summary>
public static class CodePage858
{
    private const string UpperHalf =
        "ÇüéâäàåçêëèïîìÄÅ" + // 0x80
        "ÉæÆôöòûùÿÖÜø£Ø×ƒ" + // 0x90
        "áíóúñÑªº¿®¬½¼¡«»" + // 0xA0
        "░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐" + // 0xB0
        "└┴┬├─┼ãÃ╚╔╩╦╠═╬¤" + // 0xC0
        "ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀" + // 0xD0
        "ÓßÔÒõÕµþÞÚÛÙýÝ¯´" + // 0xE0
        "\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0"; // 0xF0

    public static char Decode(byte value) => value < 0x80 ? (char)value : UpperHalf[value - 0x80];

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = Decode(bytes[i]);
        return new string(chars);
    }

    /// <summary>Encodes text for a CP858 printer; false when a character has no code.</summary>
    public static bool TryEncode(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x80) { bytes[i] = (byte)c; continue; }
            int index = UpperHalf.IndexOf(c);
            if (index < 0) return false;
            bytes[i] = (byte)(0x80 + index);
        }
        return true;
    }
}
