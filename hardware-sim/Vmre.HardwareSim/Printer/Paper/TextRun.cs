namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>Characters of one line printed in one style.</summary>
public sealed record TextRun(string Text, TextStyle Style)
{
    public int WidthDots => Text.Length * Style.AdvanceDots;

    public int HeightDots => Style.HeightDots;

    /// <summary>Whether any dot is heated: reverse and underline darken even spaces.</summary>
    public bool Inked => Style.Reverse || Style.UnderlineDots > 0 || Text.Any(c => !char.IsWhiteSpace(c));
}
