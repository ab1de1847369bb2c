namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>The dot cell one character of a font takes at 1 x 1, spacing included.</summary>
public readonly record struct FontCell(int Width, int Height)
{
    public static FontCell Of(PrintFont font) => font switch
    {
        PrintFont.A => new FontCell(PaperGeometry.CellWidth, PaperGeometry.CellHeight),
        PrintFont.B => new FontCell(9, 17),
        _ => throw new ArgumentOutOfRangeException(nameof(font), font, "not a printer font"),
    };
}
