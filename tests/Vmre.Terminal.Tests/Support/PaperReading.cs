using System.Text.RegularExpressions;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// What a paper in the tray is, read the way the paper recount reads it (brief rule 1): the QR
/// decoded from the page image (not the emulator's record of what it was sent), then the firmware's
/// testigo or voiding-notice decoder. A torn testigo has no QR left; its id is read from the
/// "Testigo ID" line the layout prints before the selections for exactly that case.
/// </summary>
public sealed record PaperReading(PrintedPaper Paper, TestigoPayload? Testigo, VoidingNoticePayload? Notice, string? TornTestigoId)
{
    private static readonly Regex TestigoLine = new(@"^Testigo ([0-9A-F]{20})$", RegexOptions.Multiline);

    public static PaperReading Of(PrintedPaper paper)
    {
        TestigoPayload? testigo = null;
        VoidingNoticePayload? notice = null;
        foreach (var qr in QrImageDecoder.Decode(paper.Png))
        {
            var asTestigo = TestigoDecoder.Decode(qr);
            if (asTestigo.Ok) testigo = asTestigo.Payload;
            var asNotice = VoidingNoticeDecoder.Decode(qr);
            if (asNotice.Ok) notice = asNotice.Payload;
        }
        string? torn = null;
        if (testigo is null && notice is null && paper.Text.Contains("TESTIGO DEL VOTO"))
            torn = TestigoLine.Match(paper.Text) is { Success: true } m ? m.Groups[1].Value : null;
        return new PaperReading(paper, testigo, notice, torn);
    }

    /// <summary>The id of the testigo this paper is (whole or torn), or null for any other paper.</summary>
    public string? TestigoId => Testigo?.TestigoId ?? TornTestigoId;

    public static IReadOnlyList<PaperReading> All(IEnumerable<PrintedPaper> papers) => papers.Select(Of).ToArray();

    /// <summary>
    /// The paper recount's rule: every testigo in the tray that no voiding notice names. The
    /// result must be exactly the sealed votes.
    /// </summary>
    public static IReadOnlyList<string> UnvoidedTestigoIds(IEnumerable<PrintedPaper> papers)
    {
        var readings = All(papers);
        var voided = readings.Where(r => r.Notice is not null).Select(r => r.Notice!.TestigoId).ToHashSet();
        return readings.Select(r => r.TestigoId).OfType<string>().Where(id => !voided.Contains(id)).Order().ToArray();
    }
}
