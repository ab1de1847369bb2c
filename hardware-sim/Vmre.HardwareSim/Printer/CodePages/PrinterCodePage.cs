namespace Vmre.HardwareSim.Printer.CodePages;

/// <summary>
/// The character tables ESC t n selects on Epson-compatible printers, for the pages a Spanish
/// ticket may use. Bytes below 0x80 are ASCII in every page.
/// </summary>
public static class PrinterCodePage
{
    public const int Pc437 = 0, Pc850 = 2, Wpc1252 = 16, Pc858 = 19;

    /// <summary>ESC t numbers the emulator has a table for; others print bytes ≥ 0x80 as '?'.</summary>
    public static bool IsEmulated(int n) => n is Pc437 or Pc850 or Wpc1252 or Pc858;

    /// <summary>The character byte <paramref name="value"/> prints in page n; '?' for a page not emulated.</summary>
    public static char Decode(int n, byte value) => value < 0x80 ? (char)value : n switch
    {
        Pc437 => CodePage437.Decode(value),
        // CP850 is CP858 with the dotless i where CP858 put the euro.
        Pc850 => value == 0xD5 ? 'ı' : CodePage858.Decode(value),
        Wpc1252 => CodePageWindows1252.Decode(value),
        Pc858 => CodePage858.Decode(value),
        _ => '?',
    };
}
