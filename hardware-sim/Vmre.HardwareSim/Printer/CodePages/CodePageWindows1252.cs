namespace Vmre.HardwareSim.Printer.CodePages;

/// <summary>
/// Windows code page 1252 (WPC1252, Latin 1 with € and typographic quotes), ESC t 16.
/// 0xA0..0xFF are ISO 8859-1; the five codes Windows leaves undefined print as '?'.
/// </summary>
public static class CodePageWindows1252
{
    private const string Row80 =
        "€?‚ƒ„…†‡ˆ‰Š‹Œ?Ž?" + // 0x80
        "?‘’“”•–—˜™š›œ?žŸ";   // 0x90

    public static char Decode(byte value) => value switch
    {
        < 0x80 => (char)value,
        < 0xA0 => Row80[value - 0x80],
        _ => (char)value, // Latin 1
    };
}
