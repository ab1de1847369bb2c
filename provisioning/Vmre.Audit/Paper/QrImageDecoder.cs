namespace Vmre.Audit.Paper;

/// <summary>
/// Reads the QR symbols back from a printed page image, so tests and the paper recount tool
/// (rules.md R1) prove the testigo's QR is machine-readable, not just drawn. Kept for its many
/// callers; <see cref="PageImageReader"/> also reads the Code128 marks (issue 9 §3).
/// </summary>
public static class QrImageDecoder
{
    /// <summary>All QR texts found, top to bottom; empty when none (or the PNG is unreadable).</summary>
    public static string[] Decode(byte[] png) => PageImageReader.ReadQr(png);
}
