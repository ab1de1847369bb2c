using Vmre.HardwareSim.Printer;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>What printed before a jam or paper-out comes out torn; the rest of the job is lost.</summary>
public class TornPaperTests
{
    [Fact]
    public void Jam_mid_page_delivers_the_printed_lines_torn_and_discards_the_rest()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        var head = new Ticket().Init().Line("linea 1").Line("linea 2").Bytes;
        tray.Printer.JamAfterBytes(head.Length);
        port.Write(new Ticket().Raw(head).Line("linea 3").Cut().Bytes);

        var torn = tray.Take();
        Assert.True(torn.Torn);
        Assert.Equal("linea 1\nlinea 2", torn.Text);
        PaperTray.HasRead(port); // the whole ticket, its notices included
        // Nothing more cut: the next page out (below) is the next ticket, and nothing comes after it.
        Assert.Contains(tray.Notices, n => n.Kind == PrinterNoticeKind.DataDiscarded && n.Detail.Contains("torn off"));
        Assert.DoesNotContain(tray.Notices, n => n.Detail.Contains("linea")); // logs never hold content

        tray.Printer.ClearJam();
        port.Write(new Ticket().Init().Line("otra vez").Cut().Bytes);
        var next = tray.Take();
        Assert.False(next.Torn);
        Assert.Equal("otra vez", next.Text);
        Assert.True(tray.NothingMoreCut(port));
    }

    [Fact]
    public void Paper_out_mid_page_tears_off_what_printed()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(new Ticket().Init().Line("antes").Raw(0x10, 0x04, 4).Bytes);
        Assert.Equal(new byte[] { 0x12 }, port.ReadExactly(1)); // "antes" has been interpreted
        tray.Printer.PaperOut();

        var torn = tray.Take();
        Assert.True(torn.Torn);
        Assert.Equal("antes", torn.Text);
        port.Write(new Ticket().Line("despues").Cut().Bytes);
        Assert.True(tray.NothingMoreCut(port));
    }

    [Fact]
    public void Paper_out_between_tickets_tears_nothing()
    {
        using var tray = new PaperTray();
        tray.Printer.PaperOut();
        Assert.True(tray.Printer.IsPaperOut);
        Assert.True(tray.NothingMoreCut());
    }
}
