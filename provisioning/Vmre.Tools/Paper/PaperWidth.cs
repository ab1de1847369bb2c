namespace Vmre.Tools.Paper;

/// <summary>The two thermal roll widths ESC/POS terminals use (`--width 80|58`).</summary>
public enum PaperWidth { Mm80, Mm58 }

public static class PaperWidths
{
    public static PaperWidth? Parse(string? text) => text switch
    {
        null or "80" => PaperWidth.Mm80,
        "58" => PaperWidth.Mm58,
        _ => null,
    };
}
