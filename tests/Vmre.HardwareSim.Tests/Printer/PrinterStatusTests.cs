using Vmre.HardwareSim.Printer;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>DLE EOT n replies, checked against the Epson ESC/POS reference bit tables.</summary>
public class PrinterStatusTests
{
    private static byte[] AskAll(PaperTray tray)
    {
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]);
        return port.ReadExactly(4);
    }

    [Fact]
    public void Ready_printer_reports_only_the_fixed_bits()
    {
        using var tray = new PaperTray();
        Assert.Equal(new byte[] { 0x12, 0x12, 0x12, 0x12 }, AskAll(tray));
    }

    [Fact]
    public void Paper_out_is_offline_with_paper_end_stop_and_empty_roll()
    {
        using var tray = new PaperTray();
        tray.Printer.PaperOut();
        Assert.Equal(new byte[] { 0x1A, 0x32, 0x12, 0x7E }, AskAll(tray));
        tray.Printer.PaperLoaded();
        Assert.Equal(new byte[] { 0x12, 0x12, 0x12, 0x12 }, AskAll(tray));
    }

    [Fact]
    public void Paper_near_end_is_reported_but_still_prints()
    {
        using var tray = new PaperTray();
        tray.Printer.PaperNearEnd();
        Assert.Equal(new byte[] { 0x12, 0x12, 0x12, 0x1E }, AskAll(tray));
    }

    [Fact]
    public void Offline_sets_only_the_offline_bit()
    {
        using var tray = new PaperTray();
        tray.Printer.GoOffline();
        Assert.Equal(new byte[] { 0x1A, 0x12, 0x12, 0x12 }, AskAll(tray));
        tray.Printer.GoOnline();
        Assert.Equal(0x12, AskAll(tray)[0]);
    }

    [Fact]
    public void Cover_open_is_offline_with_cover_bit()
    {
        using var tray = new PaperTray();
        tray.Printer.OpenCover();
        Assert.Equal(new byte[] { 0x1A, 0x16, 0x12, 0x12 }, AskAll(tray));
        tray.Printer.CloseCover();
        Assert.Equal(new byte[] { 0x12, 0x12, 0x12, 0x12 }, AskAll(tray));
    }

    [Fact]
    public void Jam_after_bytes_becomes_an_autocutter_error()
    {
        using var tray = new PaperTray();
        tray.Printer.JamAfterBytes(5);
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(new Ticket().Init().Line("antes del atasco").Cut().Bytes);
        port.Write([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3]);
        Assert.Equal(new byte[] { 0x1A, 0x52, 0x1A }, port.ReadExactly(3));
        Assert.True(tray.Printer.IsJammed);
        Assert.Contains(tray.Notices, n => n.Kind == PrinterNoticeKind.Jammed);
        Assert.True(tray.NothingMoreCut(port));
    }

    [Fact]
    public void Status_is_answered_in_the_middle_of_a_ticket()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(new Ticket().Init().Line("uno").Raw(0x10, 0x04, 4).Line("dos").Cut().Bytes);
        Assert.Equal(new byte[] { 0x12 }, port.ReadExactly(1));
        Assert.Equal("uno\ndos", tray.Take().Text);
    }
}
