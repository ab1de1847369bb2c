namespace Vmre.HardwareSim.Printer.CodePages;

/// <summary>
/// IBM code page 437 (PC437, USA standard Europe), ESC t 0: the page a printer starts in.
/// Written out, like <see cref="CodePage858"/>, so the emulator prints what a printer's ROM would.
/// </summary>
public static class CodePage437
{
    private const string UpperHalf =
        "ÇüéâäàåçêëèïîìÄÅ" + // 0x80
        "ÉæÆôöòûùÿÖÜ¢£¥₧ƒ" + // 0x90
        "áíóúñÑªº¿⌐¬½¼¡«»" + // 0xA0
        "░▒▓│┤╡╢╖╕╣║╗╝╜╛┐" + // 0xB0
        "└┴┬├─┼╞╟╚╔╩╦╠═╬╧" + // 0xC0
        "╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀" + // 0xD0
        "αßΓπΣσµτΦΘΩδ∞φε∩" + // 0xE0
        "≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0"; // 0xF0

    public static char Decode(byte value) => value < 0x80 ? (char)value : UpperHalf[value - 0x80];
}
