using Vmre.Common.Election;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Audit.Paper;

/// <summary>
/// The audit's paper recount (rules.md R1, brief section 2.6), read from each paper's image alone
/// and by the counters' rule of docs/formats/testigo-marks.md: a paper counts if and only if its
/// image yields a VMRE-T2 testigo QR and the VMRE-M1|EMITIDO mark, and no VMRE-M1|ANULADO mark.
/// No id is read or matched (issue 9 point 2): a voided testigo is void by the mark on its own
/// paper. One copy, used by the simulator, the tests and the tools (issue 7, point 6).
/// </summary>
public static class PaperRecount
{
    /// <summary>One paper image read as the recount reads it (the costly part: every pixel, twice).</summary>
    public static PaperRead Read(byte[] png) => Classify(PageImageReader.Read(png));

    /// <summary>The counters' rule applied to the codes a paper yielded.</summary>
    public static PaperRead Classify(PageSymbols codes)
    {
        // Retired formats first: a paper carrying a testigo id is refused by name whatever else it shows.
        foreach (var text in codes.QrTexts)
            if (OldPaperFormats.RefusalOf(text) is { } refusal) return new PaperRead(PaperVerdict.Refused, null, null, refusal);

        // Only an exact VMRE-M1 text is a mark (TestigoMarkDecoder): a stray barcode neither counts nor voids.
        var marks = codes.Code128Texts.Select(TestigoMarkDecoder.Decode).Where(m => m.Ok).Select(m => m.Mark).ToList();
        var testigo = Testigo(codes.QrTexts, out var qrFinding);
        // ANULADO anywhere voids the paper, even beside an acceptance mark (a counter reads it so by eye).
        if (marks.FirstOrDefault(m => m.Kind == TestigoMarkKind.Voided) is { } voided)
            return new PaperRead(PaperVerdict.Voided, testigo, voided.Reason, "voided: " + VoidReasonCodes.CodeOf(voided.Reason));
        if (testigo is null) return new PaperRead(PaperVerdict.NotAVote, null, null, qrFinding);
        if (!marks.Any(m => m.Kind == TestigoMarkKind.Accepted))
            return new PaperRead(PaperVerdict.NotAVote, testigo, null, "a testigo without the VOTO EMITIDO mark");
        return new PaperRead(PaperVerdict.Counted, testigo, null, "counted");
    }

    /// <summary>
    /// A counted paper of another election package, or naming a ballot style or contest the package
    /// does not hold, is set apart as foreign: it cannot be a vote of this module.
    /// </summary>
    public static PaperRead Against(PaperRead paper, ElectionPackage package, string packageHash)
    {
        if (paper.Verdict != PaperVerdict.Counted || paper.Testigo is not { } t) return paper;
        var election = PackageHash.Short(packageHash);
        if (t.ElectionHashPrefix != election)
            return paper with { Verdict = PaperVerdict.Foreign, Finding = $"a testigo of election package {t.ElectionHashPrefix}, not {election}" };
        if (package.Style(t.BallotStyle) is not { } style)
            return paper with { Verdict = PaperVerdict.Foreign, Finding = $"ballot style {t.BallotStyle} is not in the package" };
        var stray = t.Contests.FirstOrDefault(c => !style.ContestIds.Contains(c.ContestId));
        return stray is null ? paper
            : paper with { Verdict = PaperVerdict.Foreign, Finding = $"contest {stray.ContestId} is not on ballot style {style.Id}" };
    }

    /// <summary>Every PNG in the box folder, read and counted; a box that is not there holds nothing.</summary>
    public static BoxRecount Recount(ElectionPackage package, string packageHash, string box) =>
        Recount(package, packageHash, (Directory.Exists(box) ? Directory.GetFiles(box, "*.png") : []).Select(f => Read(File.ReadAllBytes(f))));

    public static BoxRecount Recount(ElectionPackage package, string packageHash, IEnumerable<PaperRead> papers)
    {
        var box = new BoxCount(package);
        foreach (var paper in papers) box.Add(Against(paper, package, packageHash));
        return box.Result();
    }

    /// <summary>The one testigo QR of the paper, or null with why (none, malformed, two on one paper).</summary>
    private static TestigoPayload? Testigo(IReadOnlyList<string> qr, out string finding)
    {
        TestigoPayload? found = null;
        finding = qr.Count == 0 ? "no QR: a fragment or a paper that is not a testigo" : "no testigo QR";
        foreach (var text in qr)
        {
            var decoded = TestigoDecoder.Decode(text);
            if (!decoded.Ok)
            {
                if (text.StartsWith(TestigoPayload.Tag + "|", StringComparison.Ordinal)) finding = "testigo QR refused: " + decoded.Reason;
                continue;
            }
            if (found is not null) { finding = "two testigo QR codes on one paper"; return null; }
            found = decoded.Payload;
        }
        return found;
    }
}
