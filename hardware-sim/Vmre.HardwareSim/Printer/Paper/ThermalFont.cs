using SkiaSharp;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// The glyphs of the emulated printer: DejaVu Sans Mono sized so one glyph fills a font's
/// cell (12 x 24 dots for font A, 9 x 17 for font B). Falls back to the system monospace face
/// if the Debian font is missing.
/// </summary>
internal sealed class ThermalFont
{
    private const string RegularPath = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    private const string BoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf";

    private static readonly ThermalFont RegularA = new(RegularPath, SKFontStyle.Normal, FontCell.Of(PrintFont.A));
    private static readonly ThermalFont BoldA = new(BoldPath, SKFontStyle.Bold, FontCell.Of(PrintFont.A));
    private static readonly ThermalFont RegularB = new(RegularPath, SKFontStyle.Normal, FontCell.Of(PrintFont.B));
    private static readonly ThermalFont BoldB = new(BoldPath, SKFontStyle.Bold, FontCell.Of(PrintFont.B));

    private readonly FontCell _cell;

    private ThermalFont(string path, SKFontStyle style, FontCell cell)
    {
        _cell = cell;
        Typeface = (File.Exists(path) ? SKTypeface.FromFile(path) : null)
            ?? SKTypeface.FromFamilyName("monospace", style)
            ?? SKTypeface.Default;
        using var probe = new SKFont(Typeface, 100f);
        float advance = probe.MeasureText("M") / 100f;
        float height = (probe.Metrics.Descent - probe.Metrics.Ascent) / 100f;
        Size = Math.Min(cell.Width / advance, cell.Height / height);
        Ascent = probe.Metrics.Ascent / 100f * Size;
        Descent = probe.Metrics.Descent / 100f * Size;
    }

    public static ThermalFont Of(PrintFont font, bool bold) => font switch
    {
        PrintFont.A => bold ? BoldA : RegularA,
        PrintFont.B => bold ? BoldB : RegularB,
        _ => throw new ArgumentOutOfRangeException(nameof(font), font, "not a printer font"),
    };

    public SKTypeface Typeface { get; }

    /// <summary>Point size at which one glyph fits the unscaled cell.</summary>
    public float Size { get; }

    /// <summary>Negative, in dots at <see cref="Size"/>.</summary>
    public float Ascent { get; }

    public float Descent { get; }

    /// <summary>Baseline offset from the top of an unscaled cell, centring the glyph box vertically.</summary>
    public float BaselineInCell => (_cell.Height - (Descent - Ascent)) / 2f - Ascent;
}
