namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>One printed line of text runs; an empty line is a blank LF.</summary>
/// <param name="LineSpacing">Dots set by ESC 3 n; null for the default spacing (ESC 2, power-on).</param>
public sealed record TextLineBlock(IReadOnlyList<TextRun> Runs, Alignment Alignment, int? LineSpacing = null) : PageBlock
{
    /// <summary>Height of the tallest character cell on the line; 0 for a blank line.</summary>
    public int TallestDots => Runs.Count == 0 ? 0 : Runs.Max(r => r.HeightDots);

    public int WidthDots => Runs.Sum(r => r.WidthDots);

    public string Text => string.Concat(Runs.Select(r => r.Text));

    /// <summary>
    /// ESC 3 n: the line takes n dots, or its tallest character if that is taller. The default
    /// spacing keeps the emulator's 30-dot pitch: a 6-dot gap under the tallest character,
    /// never less than 30 dots (a font B line is as tall as a font A one, as on paper).
    /// </summary>
    public override int HeightDots => LineSpacing is { } dots
        ? Math.Max(dots, TallestDots)
        : Math.Max(PaperGeometry.LineSpacing, TallestDots + PaperGeometry.LineSpacing - PaperGeometry.CellHeight);

    public override bool Inked => Runs.Any(r => r.Inked);
}
