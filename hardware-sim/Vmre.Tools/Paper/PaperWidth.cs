using Vmre.HardwareSim.Printer;

namespace Vmre.Tools.Paper;

/// <summary>`--width 80|58`: the two thermal roll widths the printer emulator prints.</summary>
public static class PaperWidths
{
    public static PaperWidth? Parse(string? text) => text switch
    {
        null or "80" => PaperWidth.Mm80,
        "58" => PaperWidth.Mm58,
        _ => null,
    };
}
