namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>
/// The barcode modes set by GS h, GS w, GS H and GS f, with Epson's power-on values:
/// 162 dots high, 3-dot modules, no HRI, HRI in font A. Out-of-range values are ignored,
/// as a printer ignores them.
/// </summary>
public sealed class BarcodeSettings
{
    public int HeightDots { get; private set; } = 162;
    public int ModuleWidth { get; private set; } = 3;
    public HriPosition Hri { get; private set; }
    public PrintFont HriFont { get; private set; }

    public void Reset()
    {
        (HeightDots, ModuleWidth, Hri, HriFont) = (162, 3, HriPosition.None, PrintFont.A);
    }

    /// <summary>GS h n, 1..255.</summary>
    public void Height(int n) { if (n >= 1) HeightDots = n; }

    /// <summary>GS w n: 2..6 on Epson, 1 accepted as many compatibles do.</summary>
    public void Width(int n) { if (n is >= 1 and <= 6) ModuleWidth = n; }

    /// <summary>GS H n: 0..3 or 48..51.</summary>
    public void Position(int n) { if (n is (>= 0 and <= 3) or (>= 48 and <= 51)) Hri = (HriPosition)(n % 48); }

    /// <summary>GS f n: 0/48 font A, 1/49 font B.</summary>
    public void Font(int n) { if (n is 0 or 48 or 1 or 49) HriFont = n % 48 == 0 ? PrintFont.A : PrintFont.B; }
}
