using QRCoder;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>A printed QR symbol: the data stored by GS ( k fn 80, printed by fn 81.</summary>
/// <param name="PaperDots">Printable width it must fit: 576 dots on 80 mm, 384 on 58 mm.</param>
public sealed record QrBlock(
    byte[] Data, QRCodeGenerator.ECCLevel ErrorCorrection, int ModuleSize, Alignment Alignment,
    int PaperDots = PaperGeometry.WidthDots)
    : PageBlock
{
    private readonly Lazy<bool[,]> _modules = new(() => QrSymbol.Modules(Data, ErrorCorrection));

    /// <summary>Dark modules without quiet zone, [row, column].</summary>
    public bool[,] Modules => _modules.Value;

    /// <summary>Module size actually printed: shrunk when the symbol would not fit the paper.</summary>
    public int EffectiveModuleSize
    {
        get
        {
            int side = Modules.GetLength(0) + 2 * PaperGeometry.QuietZoneModules;
            return Math.Max(1, Math.Min(ModuleSize, PaperDots / side));
        }
    }

    public int SideDots => (Modules.GetLength(0) + 2 * PaperGeometry.QuietZoneModules) * EffectiveModuleSize;

    public override int HeightDots => SideDots;
}
