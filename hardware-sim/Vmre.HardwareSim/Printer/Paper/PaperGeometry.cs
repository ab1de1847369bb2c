namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// A 203 dpi thermal head. The constants are the 80 mm roll (72 mm printable = 576 dots; font A
/// is a 12 x 24 dot cell, 48 columns); <see cref="WidthDotsOf"/> gives the printable width of
/// either roll (58 mm: 48 mm printable = 384 dots, 32 columns). Line spacing is the common
/// thermal default of 30 dots.
/// </summary>
public static class PaperGeometry
{
    public const int WidthDots = 576;
    public const int CellWidth = 12;
    public const int CellHeight = 24;
    public const int LineSpacing = 30;
    public const int Margin = 24;
    public const int QuietZoneModules = 4;
    public const int DotsPerInch = 203;

    /// <summary>Printable dots across the paper for a roll width.</summary>
    public static int WidthDotsOf(PaperWidth width) => width switch
    {
        PaperWidth.Mm80 => WidthDots,
        PaperWidth.Mm58 => 384,
        _ => throw new ArgumentOutOfRangeException(nameof(width), width, "not a paper width"),
    };

    /// <summary>Columns of font A (12-dot cells) on one line.</summary>
    public static int ColumnsOf(PaperWidth width) => WidthDotsOf(width) / CellWidth;

    /// <summary>Dot rows in a length of paper (203 dpi, rounded down).</summary>
    public static long DotRowsIn(int millimetres) => (long)millimetres * DotsPerInch * 10 / 254;
}
