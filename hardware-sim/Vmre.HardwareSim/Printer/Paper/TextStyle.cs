namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>How a character is printed: the modes in force when its byte arrived.</summary>
/// <param name="UnderlineDots">0 none, 1 or 2 dots thick (ESC -, ESC ! bit 7).</param>
/// <param name="Reverse">White on black (GS B).</param>
public readonly record struct TextStyle(
    bool Bold = false, int UnderlineDots = 0, int WidthMultiplier = 1, int HeightMultiplier = 1,
    PrintFont Font = PrintFont.A, bool Reverse = false)
{
    /// <summary>Power-on modes: font A, 1 x 1, no emphasis.</summary>
    public static TextStyle Plain => new(Bold: false); // not new(): a struct's parameterless constructor skips the defaults

    public FontCell Cell => FontCell.Of(Font);

    /// <summary>Dots one character advances the line.</summary>
    public int AdvanceDots => Cell.Width * WidthMultiplier;

    public int HeightDots => Cell.Height * HeightMultiplier;
}
