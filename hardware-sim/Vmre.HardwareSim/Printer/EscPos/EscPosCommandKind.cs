namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>The ESC/POS subset the emulated printer acts on; everything else is Unknown.</summary>
public enum EscPosCommandKind
{
    /// <summary>Printable bytes (still in the printer's code page).</summary>
    Text,
    /// <summary>LF: print the line buffer and advance one line.</summary>
    LineFeed,
    /// <summary>CR: ignored, as on serial Epson printers with auto line feed disabled.</summary>
    CarriageReturn,
    /// <summary>ESC @.</summary>
    Initialize,
    /// <summary>ESC t n.</summary>
    SelectCodePage,
    /// <summary>ESC a n.</summary>
    Align,
    /// <summary>ESC E n.</summary>
    Bold,
    /// <summary>ESC ! n (bold, double height, double width bits).</summary>
    PrintMode,
    /// <summary>GS ! n.</summary>
    CharacterSize,
    /// <summary>ESC d n.</summary>
    FeedLines,
    /// <summary>GS ( k cn=49 fn=65.</summary>
    QrModel,
    /// <summary>GS ( k cn=49 fn=67.</summary>
    QrModuleSize,
    /// <summary>GS ( k cn=49 fn=69.</summary>
    QrErrorCorrection,
    /// <summary>GS ( k cn=49 fn=80.</summary>
    QrStore,
    /// <summary>GS ( k cn=49 fn=81.</summary>
    QrPrint,
    /// <summary>GS V m [n]; Value is the feed before the cut in dots.</summary>
    Cut,
    /// <summary>DLE EOT n, answered at once with one status byte.</summary>
    StatusRequest,
    /// <summary>A recognised-length command the emulator does not act on, or a malformed one.</summary>
    Unknown,
    /// <summary>
    /// GS ( H pL=6 pH=0 fn=48 m=48 d1..d4: process ID request. Data holds the four ASCII digits;
    /// the printer answers 37 22 d1 d2 d3 d4 00 once everything received before it is printed.
    /// </summary>
    ProcessIdRequest,
    /// <summary>ESC - n (n = 0/48 off, 1/49 one dot, 2/50 two dots).</summary>
    Underline,
}
