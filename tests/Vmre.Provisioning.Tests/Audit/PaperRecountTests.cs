using Vmre.Audit.Paper;
using Vmre.Common.Closing;
using Vmre.Firmware.Printing;

namespace Vmre.Provisioning.Tests.Audit;

/// <summary>
/// The counters' rule (docs/formats/testigo-marks.md) on the codes a paper yields: a VMRE-T2 testigo
/// counts only with the VOTO EMITIDO mark and without ANULADO; retired formats are refused by name
/// (issue 9 point 5); the box is tallied per option and per ballot style with no id matched (point 2).
/// </summary>
public sealed class PaperRecountTests
{
    private const string Hash = "3f2a9c1b00000000000000000000000000000000000000000000000000000000";
    private const string Coahuila = "VMRE-T2|3f2a9c1b|E05|GOB-05=PAN+PRI";
    private const string Mexico = "VMRE-T2|3f2a9c1b|E15|GOB-15=MORENA";
    private const string Emitido = "VMRE-M1|EMITIDO";

    private static PaperRead Paper(string[] qr, params string[] barcodes) => PaperRecount.Classify(new PageSymbols(qr, barcodes));

    [Fact]
    public void A_testigo_with_the_acceptance_mark_counts()
    {
        var read = Paper([Coahuila], Emitido);
        Assert.Equal(PaperVerdict.Counted, read.Verdict);
        Assert.Equal("E05", read.Testigo!.BallotStyle);
    }

    [Fact]
    public void A_testigo_without_the_acceptance_mark_is_not_a_vote()
    {
        var read = Paper([Coahuila]);
        Assert.Equal(PaperVerdict.NotAVote, read.Verdict);
        Assert.Equal("a testigo without the VOTO EMITIDO mark", read.Finding);
    }

    [Theory]
    [InlineData("VMRE-M1|ANULADO|REJECTED", VoidReason.VoterRejected)]
    [InlineData("VMRE-M1|ANULADO|POWER", VoidReason.PowerLoss)]
    [InlineData("VMRE-M1|ANULADO|PRINTER", VoidReason.PrinterFault)]
    public void The_void_mark_voids_the_paper_with_its_reason_even_beside_an_acceptance_mark(string mark, VoidReason reason)
    {
        Assert.Equal((PaperVerdict.Voided, reason), Verdict(Paper([], mark)));
        Assert.Equal((PaperVerdict.Voided, reason), Verdict(Paper([Coahuila], Emitido, mark)));
    }

    [Fact]
    public void A_testigo_of_format_T1_is_refused_by_name_even_with_an_acceptance_mark()
    {
        var read = Paper(["VMRE-T1|3f2a9c1b|E05|0123456789ABCDEF0123|GOB-05=PAN"], Emitido);
        Assert.Equal(PaperVerdict.Refused, read.Verdict);
        Assert.Contains("VMRE-T1 carries a testigo id and is no longer accepted", read.Finding);
    }

    [Fact]
    public void A_voiding_notice_V1_is_refused_by_name()
    {
        var read = Paper(["VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|REJECTED"]);
        Assert.Equal(PaperVerdict.Refused, read.Verdict);
        Assert.Equal("voiding notice VMRE-V1 names a testigo id and is no longer accepted", read.Finding);
    }

    [Fact]
    public void A_fragment_or_a_stray_barcode_is_not_a_vote()
    {
        Assert.Equal(PaperVerdict.NotAVote, Paper([]).Verdict);
        Assert.Equal(PaperVerdict.NotAVote, Paper([], Emitido).Verdict);
        Assert.Equal(PaperVerdict.NotAVote, Paper([Coahuila], "VMRE-M1|ANULADO|NOREASON", "VMRE-M1|emitido").Verdict);
        Assert.Equal(PaperVerdict.NotAVote, Paper([Coahuila, Mexico], Emitido).Verdict);
        Assert.Equal(PaperVerdict.NotAVote, PaperRecount.Read([1, 2, 3]).Verdict);
    }

    [Fact]
    public void The_box_is_tallied_per_option_and_per_style_and_every_other_paper_counted_apart()
    {
        var box = PaperRecount.Recount(InventedBallots.Package(), Hash,
        [
            Paper([Coahuila], Emitido), Paper([Coahuila], Emitido), Paper([Mexico], Emitido),
            Paper([], "VMRE-M1|ANULADO|REJECTED"), Paper([], "VMRE-M1|ANULADO|POWER"), Paper([]),
            Paper(["VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|REJECTED"]),
            Paper(["VMRE-T2|00000000|E05|GOB-05=MC"], Emitido), Paper(["VMRE-T2|3f2a9c1b|E05|GOB-15=PAN"], Emitido),
        ]);
        Assert.Equal((9, 3, 2, 1, 1, 2), (box.Papers, box.Counted, box.Voided, box.Refused, box.NotVotes, box.Foreign));
        Assert.Equal(2, box.Tally["GOB-05", "PAN+PRI"]);
        Assert.Equal(1, box.Tally["GOB-15", "MORENA"]);
        Assert.Equal([("E05", 2), ("E15", 1)], box.Styles.Select(s => (s.Style, s.Votes)));
        Assert.Equal(0, box.Styles[0].Tally["GOB-15", "MORENA"]);
        Assert.Equal(1, box.VoidedByReason[VoidReason.PowerLoss]);
    }

    [Fact]
    public void The_recount_equals_a_count_with_the_same_lines_and_styles_and_names_every_difference()
    {
        var box = PaperRecount.Recount(InventedBallots.Package(), Hash, [Paper([Coahuila], Emitido), Paper([Mexico], Emitido)]);
        var same = box.Tally.ToContestTallies();
        Assert.Empty(PaperAgainstCount.PerOption(box.Tally, same, "acta"));
        Assert.Empty(PaperAgainstCount.PerStyle(box, [("E05", 1), ("E15", 1)], "closing records"));

        var shifted = same.Select(c => c.ContestId != "GOB-15" ? c
            : new ContestTally(c.ContestId, c.Lines.Select(l => new TallyLine(l.Key, l.Key == "MORENA" ? 0 : l.Key == "PAN" ? 1 : l.Count)).ToArray()));
        Assert.Equal(["GOB-15 MORENA: paper 1, acta 0", "GOB-15 PAN: paper 0, acta 1"], PaperAgainstCount.PerOption(box.Tally, shifted, "acta"));
        Assert.Equal(["ballot style E15: paper 1, closing records 2"], PaperAgainstCount.PerStyle(box, [("E05", 1), ("E15", 2)], "closing records"));
    }

    private static (PaperVerdict, VoidReason?) Verdict(PaperRead read) => (read.Verdict, read.Void);
}
