namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>The two character fonts every Epson-compatible thermal printer has (ESC M, ESC ! bit 0).</summary>
public enum PrintFont
{
    /// <summary>12 x 24 dots: 48 columns on 80 mm, 32 on 58 mm.</summary>
    A,
    /// <summary>9 x 17 dots: 64 columns on 80 mm, 42 on 58 mm.</summary>
    B,
}
