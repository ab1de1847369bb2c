using System.Text.RegularExpressions;
using Vmre.Audit.Paper;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// What a paper in the tray is, read by the audit's paper recount (rules.md R1; provisioning/
/// Vmre.Audit, the one copy): the QR decoded from the page image (not the emulator's record of what
/// it was sent), then the firmware's testigo or voiding-notice decoder. A torn testigo has no QR left; its id is read from the
/// "Testigo ID" line the layout prints before the selections for exactly that case.
/// </summary>
public sealed record PaperReading(PrintedPaper Paper, TestigoPayload? Testigo, VoidingNoticePayload? Notice, string? TornTestigoId)
{
    private static readonly Regex TestigoLine = new(@"^Testigo ([0-9A-F]{20})$", RegexOptions.Multiline);

    public static PaperReading Of(PrintedPaper paper)
    {
        var (testigo, notice) = PaperRecount.Read(paper.Png);
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
        return PaperRecount.Unvoided(readings.Select(r => r.TestigoId), readings.Select(r => r.Notice?.TestigoId));
    }
}
