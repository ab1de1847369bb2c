namespace Vmre.HardwareSim.Printer;

/// <summary>
/// One piece of paper cut off the emulated printer: the image a person can look at (BRIEF §4)
/// and, for tests and logs, the text lines, QR data and barcodes printed on it.
/// </summary>
/// <param name="Png">The page as a black-on-white PNG, 576 dots wide (80 mm) or 384 (58 mm).</param>
/// <param name="Text">The printed text lines joined by \n (blank LF lines included as empty).</param>
/// <param name="QrPayloads">The data of each QR symbol printed, top to bottom (UTF-8 decoded).</param>
public sealed record PrintedPaper(byte[] Png, string Text, string[] QrPayloads)
{
    /// <summary>
    /// Torn off at a jam or at the end of the roll instead of cut: what had printed before the
    /// printer stopped (the official tears it off when clearing the fault); the rest of that job was lost.
    /// </summary>
    public bool Torn { get; init; }

    /// <summary>Cut by a partial cut (one point left uncut, the official tears it off), not a full cut.</summary>
    public bool PartialCut { get; init; }

    /// <summary>The human readable text of each 1D barcode printed, top to bottom (check digit included).</summary>
    public string[] Barcodes { get; init; } = [];

    /// <summary>The roll it was printed on.</summary>
    public PaperWidth Width { get; init; } = PaperWidth.Mm80;
}
