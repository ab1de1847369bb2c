using Vmre.Audit.Paper;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// What a paper in the tray is, by the counters' rule (issue 9, design section 2), read from its
/// image as the recount reads it (not the emulator's record of what it was sent): the VMRE-T2 QR,
/// and the VMRE-M1 Code128 marks under it, VOTO EMITIDO (EMITIDO) or ANULADO with its reason. A
/// paper counts as a vote iff it shows a whole testigo, the acceptance mark, and no void mark.
/// </summary>
public sealed record PaperReading(PrintedPaper Paper, TestigoPayload? Testigo, bool Accepted, bool Voided, VoidReason? VoidedFor)
{
    public static PaperReading Of(PrintedPaper paper)
    {
        var symbols = PageImageReader.Read(paper.Png);
        TestigoPayload? testigo = null;
        foreach (var qr in symbols.QrTexts)
            if (TestigoDecoder.Decode(qr) is { Ok: true } decoded) testigo = decoded.Payload;
        bool accepted = false, voided = false;
        VoidReason? reason = null;
        foreach (var code in symbols.Code128Texts)
        {
            if (TestigoMarkDecoder.Decode(code) is not { Ok: true } read) continue;
            if (read.Mark.Kind == TestigoMarkKind.Accepted) accepted = true;
            else { voided = true; reason = read.Mark.Reason; }
        }
        // A person reads the words too: both must agree with the barcodes (design section 2).
        Assert.Equal(accepted, paper.Text.Contains(TestigoLayout.AcceptedTitle));
        Assert.Equal(voided, paper.Text.Contains(TestigoLayout.VoidedTitle));
        return new PaperReading(paper, testigo, accepted, voided, reason);
    }

    /// <summary>Whether the paper shows the testigo's heading (a whole or torn testigo, not a lone mark).</summary>
    public bool ShowsTestigo => Paper.Text.Contains(TestigoLayout.Heading);

    /// <summary>The counters' rule: a whole testigo, the acceptance mark, and no void mark.</summary>
    public bool CountsAsVote => Testigo is not null && Accepted && !Voided && !Paper.Torn && Paper.Text.Contains(TestigoLayout.LastLine);

    public static IReadOnlyList<PaperReading> All(IEnumerable<PrintedPaper> papers) => papers.Select(Of).ToArray();

    /// <summary>The payloads of the papers that count, sorted: the paper recount, to compare with the sealed votes.</summary>
    public static IReadOnlyList<string> CountedPayloads(IEnumerable<PrintedPaper> papers) =>
        All(papers).Where(r => r.CountsAsVote).Select(r => r.Testigo!.Encode()).Order(StringComparer.Ordinal).ToArray();
}
