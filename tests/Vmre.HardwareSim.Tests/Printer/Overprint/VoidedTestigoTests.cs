using Vmre.Audit.Paper;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.Interpreter;
using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.HardwareSim.Tests.Printer.Overprint;

/// <summary>
/// One paper per testigo (issue 9 §2-3): accepted, it reads as a testigo with its mark; voided,
/// its selection is under a black band that neither a person nor a scanner can read through.
/// Every claim is checked on the PNG, read back with ZXing.
/// </summary>
public class VoidedTestigoTests
{
    private static PrintedPaper Print(params byte[][] jobs)
    {
        var interpreter = new EscPosInterpreter();
        var pages = jobs.SelectMany(job => interpreter.Feed(job)).OfType<PrinterOutput.Page>().ToArray();
        var page = Assert.Single(pages);
        var paper = PageRenderer.Render(page.Blocks, PaperWidth.Mm80, page.Torn, page.PartialCut);
        var samples = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "test-artifacts", nameof(VoidedTestigoTests)));
        File.WriteAllBytes(Path.Combine(samples.FullName, $"{paper.Text.Contains("ANULADO")}-{paper.Png.Length}.png"), paper.Png);
        return paper;
    }

    [Fact]
    public void An_accepted_testigo_reads_its_qr_and_its_acceptance_mark_from_the_image()
    {
        var paper = Print(StandInTestigo.Body(), StandInTestigo.Accepted());

        var read = PageImageReader.Read(paper.Png);
        Assert.Equal([StandInTestigo.Payload], read.QrTexts);
        Assert.Equal([StandInTestigo.AcceptedMark], read.Code128Texts);
        Assert.Equal([StandInTestigo.Payload], paper.QrPayloads);
        Assert.All(StandInTestigo.BodyLines, line => Assert.Contains(line, paper.Text));
    }

    [Fact]
    public void A_voided_testigo_shows_only_its_void_mark_the_qr_under_the_band_does_not_decode()
    {
        var paper = Print(StandInTestigo.Body(), StandInTestigo.Voided());

        var read = PageImageReader.Read(paper.Png);
        Assert.Empty(read.QrTexts);
        Assert.Equal([StandInTestigo.VoidMark], read.Code128Texts);
        Assert.Empty(QrImageDecoder.Decode(paper.Png)); // the old entry point agrees
        Assert.Empty(paper.QrPayloads);
        Assert.Contains("ANULADO", paper.Text);
        Assert.Contains("Este papel no cuenta en el recuento", paper.Text);
        Assert.All(StandInTestigo.BodyLines, line => Assert.DoesNotContain(line, paper.Text));
        Assert.DoesNotContain("Elecciones generales 2026", paper.Text);
    }

    [Fact]
    public void A_band_narrower_than_a_line_leaves_that_line_readable()
    {
        // Geometry decides: 20 columns of black do not hide a 37-column line.
        var stream = new Ticket().Init().Line("Revise su testigo / Check your testigo").ReverseFeed(30)
            .Band(2, columns: 20).Cut().Bytes;
        var page = Assert.Single(new EscPosInterpreter().Feed(stream).OfType<PrinterOutput.Page>());

        Assert.Contains("Revise su testigo", PageRenderer.Render(page.Blocks).Text);
    }
}
