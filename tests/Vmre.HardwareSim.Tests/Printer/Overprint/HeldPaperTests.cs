using Vmre.Audit.Paper;

namespace Vmre.HardwareSim.Tests.Printer.Overprint;

/// <summary>
/// A page stays held at the window until a cut (issue 9 §3): ESC @ resets modes only, and a
/// terminal that dies mid-testigo leaves the paper where its restart finds it and prints on it.
/// </summary>
public class HeldPaperTests
{
    [Fact]
    public void Esc_at_resets_modes_but_keeps_the_printed_page_held()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(StandInTestigo.Body());
        port.Write(new Ticket().Init().Bytes);
        port.Write(StandInTestigo.Accepted());

        var paper = tray.Take();
        Assert.Equal([StandInTestigo.Payload], PageImageReader.ReadQr(paper.Png));
        Assert.Contains("TESTIGO DEL VOTO", paper.Text);
        Assert.Contains("VOTO EMITIDO", paper.Text);
        Assert.True(tray.NothingMoreCut(port));
    }

    [Fact]
    public void A_client_that_disconnects_leaves_its_page_held_and_the_next_client_prints_on_it()
    {
        using var tray = new PaperTray();
        using (var dying = SerialClient.Open(tray.Printer.SlavePath))
        {
            dying.Write(StandInTestigo.Body());
            PaperTray.HasRead(dying); // the printer has the whole body before the process dies
        }
        using var restarted = SerialClient.Open(tray.Printer.SlavePath);
        restarted.Write(new Ticket().Init().Bytes);
        restarted.Write(StandInTestigo.Accepted());

        var paper = tray.Take();
        var read = PageImageReader.Read(paper.Png);
        Assert.Equal([StandInTestigo.Payload], read.QrTexts);
        Assert.Equal([StandInTestigo.AcceptedMark], read.Code128Texts);
        Assert.True(tray.NothingMoreCut(restarted)); // one paper: body and mark together
    }

    [Fact]
    public void A_restarted_terminal_voids_the_held_testigo_on_the_same_paper()
    {
        using var tray = new PaperTray();
        using (var dying = SerialClient.Open(tray.Printer.SlavePath))
        {
            dying.Write(StandInTestigo.Body());
            PaperTray.HasRead(dying);
        }
        using var restarted = SerialClient.Open(tray.Printer.SlavePath);
        restarted.Write(new Ticket().Init().Bytes);
        restarted.Write(StandInTestigo.Voided());

        var paper = tray.Take();
        var read = PageImageReader.Read(paper.Png);
        Assert.Empty(read.QrTexts);
        Assert.Equal([StandInTestigo.VoidMark], read.Code128Texts);
        Assert.DoesNotContain("TESTIGO DEL VOTO", paper.Text);
        Assert.True(tray.NothingMoreCut(restarted));
    }
}
