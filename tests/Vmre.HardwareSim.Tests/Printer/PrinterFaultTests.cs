using Vmre.HardwareSim.Printer;

namespace Vmre.HardwareSim.Tests.Printer;

public class PrinterFaultTests
{
    [Fact]
    public void Data_sent_while_paper_is_out_is_not_printed()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        tray.Printer.PaperOut();
        port.Write(new Ticket().Init().Line("perdido").Cut().Bytes);
        PaperTray.HasRead(port);
        // Nothing cut: the next page out (below) is the next ticket, and nothing comes after it.
        Assert.Contains(tray.Notices, n => n.Kind == PrinterNoticeKind.DataDiscarded && n.Detail.Contains("paper out"));
        Assert.DoesNotContain(tray.Notices, n => n.Detail.Contains("perdido")); // logs never hold content

        tray.Printer.PaperLoaded();
        port.Write(new Ticket().Init().Line("impreso").Cut().Bytes);
        Assert.Equal("impreso", tray.Take().Text);
        Assert.True(tray.NothingMoreCut(port));
    }

    [Fact]
    public void Data_sent_with_the_cover_open_or_offline_is_not_printed()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        tray.Printer.OpenCover();
        // Each ticket ends with a status request: its reply proves the printer read the ticket
        // before the next state change (otherwise the test races the emulator's reader).
        port.Write(new Ticket().Line("a").Cut().Raw(0x10, 0x04, 1).Bytes);
        Assert.Equal(new byte[] { 0x1A }, port.ReadExactly(1));
        tray.Printer.CloseCover();
        tray.Printer.GoOffline();
        port.Write(new Ticket().Line("b").Cut().Raw(0x10, 0x04, 1).Bytes);
        Assert.Equal(new byte[] { 0x1A }, port.ReadExactly(1));
        // Nothing cut: the next page out (below) is the next ticket, and nothing comes after it.
        tray.Printer.GoOnline();
        port.Write(new Ticket().Line("c").Cut().Bytes);
        Assert.Equal("c", tray.Take().Text);
        Assert.True(tray.NothingMoreCut(port));
    }

    [Fact]
    public void Random_garbage_never_stops_the_printer()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        var random = new Random(20240602);
        var chunk = new byte[512];
        for (int i = 0; i < 200; i++)
        {
            random.NextBytes(chunk);
            // Bias towards command introducers so the parser's branches are exercised.
            for (int j = 0; j < chunk.Length; j += random.Next(2, 9))
                chunk[j] = (byte)(random.Next(4) switch { 0 => 0x1B, 1 => 0x1D, 2 => 0x10, _ => 0x0A });
            port.Write(chunk);
        }
        // Whatever the garbage left half-open (a GS ( k waiting for 60 kB, say) is dropped
        // after a second of silence; then the printer must still print.
        Thread.Sleep(2500); // the line stays silent longer than IncompleteCommandTimeout (a physical duration, not a proof)
        port.Write(new Ticket().Init().Line("vivo").Cut().Bytes);

        PrintedPaper paper;
        do paper = tray.Take(); while (!paper.Text.EndsWith("vivo"));
        Assert.DoesNotContain(tray.Notices, n => n.Kind == PrinterNoticeKind.InternalError);
    }
}
