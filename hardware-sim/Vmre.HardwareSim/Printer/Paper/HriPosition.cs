namespace Vmre.HardwareSim.Printer.Paper;

/// <summary>GS H n: where a barcode's human readable interpretation is printed (0..3 or 48..51).</summary>
public enum HriPosition { None = 0, Above = 1, Below = 2, Both = 3 }
