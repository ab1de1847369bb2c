using SkiaSharp;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// Font A of the emulated printer: DejaVu Sans Mono sized so one glyph fills a 12 x 24 dot
/// cell. Falls back to the system monospace face if the Debian font is missing.
/// </summary>
internal sealed class ThermalFont
{
    private const string RegularPath = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    private const string BoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf";

    public static readonly ThermalFont Regular = new(RegularPath, SKFontStyle.Normal);
    public static readonly ThermalFont Bold = new(BoldPath, SKFontStyle.Bold);

    private ThermalFont(string path, SKFontStyle style)
    {
        Typeface = (File.Exists(path) ? SKTypeface.FromFile(path) : null)
            ?? SKTypeface.FromFamilyName("monospace", style)
            ?? SKTypeface.Default;
        using var probe = new SKFont(Typeface, 100f);
        float advance = probe.MeasureText("M") / 100f;
        float height = (probe.Metrics.Descent - probe.Metrics.Ascent) / 100f;
        Size = Math.Min(PaperGeometry.CellWidth / advance, PaperGeometry.CellHeight / height);
        Ascent = probe.Metrics.Ascent / 100f * Size;
        Descent = probe.Metrics.Descent / 100f * Size;
    }

    public SKTypeface Typeface { get; }

    /// <summary>Point size at which one glyph fits the unscaled cell.</summary>
    public float Size { get; }

    /// <summary>Negative, in dots at <see cref="Size"/>.</summary>
    public float Ascent { get; }

    public float Descent { get; }

    /// <summary>Baseline offset from the top of an unscaled cell, centring the glyph box vertically.</summary>
    public float BaselineInCell => (PaperGeometry.CellHeight - (Descent - Ascent)) / 2f - Ascent;
}
