namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>Characters of one line printed in one style.</summary>
public sealed record TextRun(string Text, bool Bold, int WidthMultiplier, int HeightMultiplier, int UnderlineDots = 0)
{
    public int WidthDots => Text.Length * PaperGeometry.CellWidth * WidthMultiplier;
}
