namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// An 80 mm roll at 203 dpi: 72 mm printable = 576 dots; font A is a 12 x 24 dot cell
/// (48 columns). Line spacing is the common thermal default of 30 dots.
/// </summary>
public static class PaperGeometry
{
    public const int WidthDots = 576;
    public const int CellWidth = 12;
    public const int CellHeight = 24;
    public const int LineSpacing = 30;
    public const int Margin = 24;
    public const int QuietZoneModules = 4;
}
