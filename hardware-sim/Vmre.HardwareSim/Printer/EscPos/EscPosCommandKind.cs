namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>The ESC/POS commands the emulated printer acts on; everything else is Unknown.</summary>
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
    /// <summary>ESC ! n (font B, bold, double height, double width, underline bits).</summary>
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
    /// <summary>GS V m [n], a full cut; Value is the feed before the cut in dots.</summary>
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
    /// <summary>GS V m [n] with a partial cut (one point left uncut); Value is the feed in dots.</summary>
    PartialCut,
    /// <summary>ESC M n: 0/48 font A (12 x 24), 1/49 font B (9 x 17).</summary>
    SelectFont,
    /// <summary>GS B n: white on black when bit 0 is set.</summary>
    Reverse,
    /// <summary>ESC 2: the default line spacing.</summary>
    DefaultLineSpacing,
    /// <summary>ESC 3 n: line spacing of n dots.</summary>
    LineSpacing,
    /// <summary>ESC J n: print the buffer and feed n dots.</summary>
    FeedDots,
    /// <summary>GS h n: bar height in dots.</summary>
    BarcodeHeight,
    /// <summary>GS w n: width of the narrowest bar in dots.</summary>
    BarcodeModuleWidth,
    /// <summary>GS H n: where the human readable interpretation goes (0 none, 1 above, 2 below, 3 both).</summary>
    BarcodeHriPosition,
    /// <summary>GS f n: font of the human readable interpretation (0 A, 1 B).</summary>
    BarcodeHriFont,
    /// <summary>GS k m d… : a 1D barcode; Value is the symbology m, Data the bytes to encode.</summary>
    Barcode,
    /// <summary>FS .: leave Kanji mode. The emulator has no Kanji mode, so it only confirms single-byte text.</summary>
    CancelKanjiMode,
    /// <summary>GS r n: transmit status (1/49 paper sensor, 2/50 drawer), answered in turn with one byte.</summary>
    TransmitStatus,
    /// <summary>
    /// ESC K n: print the buffer and feed the paper back n dots, never above the last cut
    /// (a kiosk printer that holds its page at the presenter; issue 9 §3).
    /// </summary>
    ReverseFeedDots,
}
