namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>One printed line of text runs; an empty line is a blank LF.</summary>
public sealed record TextLineBlock(IReadOnlyList<TextRun> Runs, Alignment Alignment) : PageBlock
{
    public int TallestMultiplier => Runs.Count == 0 ? 1 : Runs.Max(r => r.HeightMultiplier);

    public int WidthDots => Runs.Sum(r => r.WidthDots);

    public string Text => string.Concat(Runs.Select(r => r.Text));

    public override int HeightDots =>
        PaperGeometry.CellHeight * TallestMultiplier + (PaperGeometry.LineSpacing - PaperGeometry.CellHeight);
}
