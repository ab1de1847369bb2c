namespace Vmre.Audit.Paper;

/// <summary>
/// What a paper image yields to a code reader: every QR text and every Code128 text, top to
/// bottom. The recount decides from these alone (docs/formats/testigo-marks.md, the counters'
/// rule), never from what a printer says it printed (rules.md R1).
/// </summary>
public sealed record PaperCodes(IReadOnlyList<string> Qr, IReadOnlyList<string> Barcodes)
{
    public static PaperCodes None { get; } = new([], []);
}
