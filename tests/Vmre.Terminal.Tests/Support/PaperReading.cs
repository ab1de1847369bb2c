using Vmre.Audit.Paper;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// What a paper in the tray is, by the counters' rule (issue 9, design section 2): the testigo's QR
/// decoded from the page image (not the emulator's record of what it was sent), and its marks as a
/// person reads them: <c>VOTO EMITIDO</c> under the testigo, or <c>ANULADO</c> with its reason.
/// A paper counts as a vote iff it shows a whole testigo with the acceptance mark and no ANULADO.
/// </summary>
public sealed record PaperReading(PrintedPaper Paper, TestigoPayload? Testigo, bool Accepted, bool Voided, VoidReason? VoidedFor)
{
    public const string AcceptedText = "VOTO EMITIDO", VoidedText = "ANULADO";

    public static PaperReading Of(PrintedPaper paper)
    {
        TestigoPayload? testigo = null;
        foreach (var qr in QrImageDecoder.Decode(paper.Png))
            if (TestigoDecoder.Decode(qr) is { Ok: true } decoded) testigo = decoded.Payload;
        return new PaperReading(paper, testigo, paper.Text.Contains(AcceptedText), paper.Text.Contains(VoidedText), VoidReasonOn(paper.Text));
    }

    /// <summary>Whether the paper shows the testigo's body (its heading and its last line).</summary>
    public bool ShowsTestigo => Paper.Text.Contains("TESTIGO DEL VOTO");

    /// <summary>The counters' rule: a whole testigo, the acceptance mark, and no void mark.</summary>
    public bool CountsAsVote => Testigo is not null && Accepted && !Voided && !Paper.Torn;

    public static IReadOnlyList<PaperReading> All(IEnumerable<PrintedPaper> papers) => papers.Select(Of).ToArray();

    /// <summary>The payloads of the papers that count, sorted: the paper recount, to compare with the sealed votes.</summary>
    public static IReadOnlyList<string> CountedPayloads(IEnumerable<PrintedPaper> papers) =>
        All(papers).Where(r => r.CountsAsVote).Select(r => r.Testigo!.Encode()).Order(StringComparer.Ordinal).ToArray();

    private static VoidReason? VoidReasonOn(string text)
    {
        if (!text.Contains(VoidedText)) return null;
        for (var reason = VoidReason.PrinterFault; reason <= VoidReason.OfficialCancelled; reason++)
            if (text.Contains(VoidReasonCodes.SpanishOf(reason))) return reason;
        return null;
    }
}
