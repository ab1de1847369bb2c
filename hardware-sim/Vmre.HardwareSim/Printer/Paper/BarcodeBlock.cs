namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// A printed 1D barcode: its bars, <see cref="ModuleWidth"/> dots per module and
/// <see cref="BarHeight"/> dots high, with its HRI text above and/or below in the HRI font,
/// centred under the bars. Alignment (ESC a) places the whole symbol.
/// </summary>
public sealed record BarcodeBlock(
    BarcodeSymbol Symbol, int ModuleWidth, int BarHeight, HriPosition Hri, PrintFont HriFont, Alignment Alignment)
    : PageBlock
{
    /// <summary>Gap between the bars and an HRI line.</summary>
    public const int HriGap = 4;

    public int WidthDots => Symbol.Modules.Length * ModuleWidth;

    public int HriLineDots => FontCell.Of(HriFont).Height + HriGap;

    public bool HriAbove => Hri is HriPosition.Above or HriPosition.Both;

    public bool HriBelow => Hri is HriPosition.Below or HriPosition.Both;

    public override int HeightDots => BarHeight + (HriAbove ? HriLineDots : 0) + (HriBelow ? HriLineDots : 0);
}
