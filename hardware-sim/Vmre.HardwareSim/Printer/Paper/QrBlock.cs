using QRCoder;

namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>A printed QR symbol: the data stored by GS ( k fn 80, printed by fn 81.</summary>
public sealed record QrBlock(byte[] Data, QRCodeGenerator.ECCLevel ErrorCorrection, int ModuleSize, Alignment Alignment)
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
            return Math.Max(1, Math.Min(ModuleSize, PaperGeometry.WidthDots / side));
        }
    }

    public int SideDots => (Modules.GetLength(0) + 2 * PaperGeometry.QuietZoneModules) * EffectiveModuleSize;

    public override int HeightDots => SideDots;
}
