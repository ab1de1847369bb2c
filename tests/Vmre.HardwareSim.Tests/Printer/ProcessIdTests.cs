using Vmre.HardwareSim.Printer;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>GS ( H process ID response over a real pty: the terminal's proof that a testigo is on paper.</summary>
public class ProcessIdTests
{
    private static readonly byte[] Response1234 = [0x37, 0x22, (byte)'1', (byte)'2', (byte)'3', (byte)'4', 0x00];

    [Fact]
    public void Response_comes_after_the_page_is_in_the_tray()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(new Ticket().Init().Line("testigo").Cut().ProcessId("1234").Bytes);

        Assert.Equal(Response1234, port.ReadExactly(7));
        var paper = tray.AlreadyOut(); // the page was delivered before the response was sent
        Assert.NotNull(paper);
        Assert.Equal("testigo", paper.Text);
        Assert.False(paper.Torn);
    }

    [Fact]
    public void Request_while_paper_is_out_is_dropped_and_answered_after_reload_and_reset()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        tray.Printer.PaperOut();
        port.Write(new Ticket().Init().Line("perdido").Cut().ProcessId("0001").Bytes);
        PaperTray.HasRead(port);
        // Nothing cut: the next page out (below) is the next ticket, and nothing comes after it.
        Assert.Contains(tray.Notices, n => n.Kind == PrinterNoticeKind.ProcessIdDropped && n.Detail == "process ID request dropped: paper out");

        tray.Printer.PaperLoaded();
        port.Write(new Ticket().Init().Line("de nuevo").Cut().ProcessId("1234").Bytes);
        Assert.Equal(Response1234, port.ReadExactly(7));
        Assert.Equal("de nuevo", tray.Take().Text);
        Assert.True(tray.NothingMoreCut(port));
    }

    [Fact]
    public void Request_after_discarded_data_is_dropped_even_once_the_printer_is_ready()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        tray.Printer.OpenCover();
        port.Write(new Ticket().Init().Line("a medias").Raw(0x10, 0x04, 1).Bytes);
        Assert.Equal(new byte[] { 0x1A }, port.ReadExactly(1)); // the printer has seen the line (offline)
        tray.Printer.CloseCover();
        port.Write(new Ticket().Cut().ProcessId("0002").Raw(0x10, 0x04, 1).Bytes);

        // The status reply arrives; no process ID response came before it.
        Assert.Equal(new byte[] { 0x12 }, port.ReadExactly(1));
        Assert.Contains(tray.Notices, n => n.Kind == PrinterNoticeKind.ProcessIdDropped && n.Detail.Contains("discarded"));

        port.Write(new Ticket().Init().Line("completo").Cut().ProcessId("1234").Bytes);
        Assert.Equal(Response1234, port.ReadExactly(7));
    }

    [Fact]
    public void Request_after_a_jam_mid_ticket_is_dropped()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        var ticket = new Ticket().Init().Line("uno").Line("dos").Cut().ProcessId("0003").Raw(0x10, 0x04, 3).Bytes;
        tray.Printer.JamAfterBytes(8); // after ESC @, "uno\n" and part of "dos"
        port.Write(ticket);

        Assert.Equal(new byte[] { 0x1A }, port.ReadExactly(1)); // autocutter error, and no 37 22 before it
        var torn = tray.Take();
        Assert.True(torn.Torn);
        Assert.Equal("uno", torn.Text);
        Assert.Contains(tray.Notices, n => n.Detail == "process ID request dropped: paper jam");
    }
}
