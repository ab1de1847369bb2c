namespace Vmre.HardwareSim.Printer;

/// <summary>
/// The thermal roll the emulated printer is loaded with. Both are 203 dpi: 80 mm prints
/// 72 mm = 576 dots (48 columns of font A), 58 mm prints 48 mm = 384 dots (32 columns).
/// </summary>
public enum PaperWidth
{
    Mm80,
    Mm58,
}
