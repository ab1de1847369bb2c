using System.Collections.Concurrent;
using Vmre.HardwareSim.Printer;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>A finite roll: consumption per dot row, the near-end sensor, and the roll ending mid-page.</summary>
public class PaperRollTests
{
    // 10 lines of 30 dots, the cut's 3-dot feed and two 24-dot margins = 351 dot rows = 44 mm at 203 dpi.
    private static byte[] TenLines(string tag)
    {
        var ticket = new Ticket().Init();
        for (int i = 0; i < 10; i++) ticket.Line($"{tag} {i}");
        return ticket.Cut().Bytes;
    }

    [Fact]
    public void Roll_is_used_per_dot_row_and_trips_near_end_then_out_mid_page()
    {
        var sensors = new ConcurrentQueue<PrinterSensors>();
        using var tray = new PaperTray();
        tray.Printer.SensorsChanged += sensors.Enqueue;
        Assert.Null(tray.Printer.RemainingPaperMm); // unlimited until a roll is loaded
        tray.Printer.LoadPaper(420); // above the 300 mm near-end mark
        Assert.Equal(420, tray.Printer.RemainingPaperMm);
        using var port = SerialClient.Open(tray.Printer.SlavePath);

        int cut = 0;
        PrintedPaper paper;
        do
        {
            port.Write(TenLines($"t{cut}"));
            paper = tray.Take();
            cut++;
        } while (!paper.Torn && cut < 20);

        // 420 mm = 3356 dot rows hold 9 whole tickets (3159); the 10th is torn after the 4 lines
        // that fit in the last 197 rows with the margins.
        Assert.Equal(10, cut);
        Assert.True(paper.Torn);
        Assert.Equal("t9 0\nt9 1\nt9 2\nt9 3", paper.Text);
        Assert.True(tray.Printer.IsPaperOut);
        Assert.Equal(0, tray.Printer.RemainingPaperMm);
        Assert.Contains(tray.Notices, n => n.Kind == PrinterNoticeKind.PaperOut);
        Assert.Equal(
            [new PrinterSensors(true, false, false, false, false), new PrinterSensors(true, true, false, false, false)],
            sensors);

        tray.Printer.PaperLoaded();
        Assert.False(tray.Printer.IsPaperOut);
        Assert.Equal(new PrinterSensors(false, false, false, false, false), sensors.Last());
        port.Write(TenLines("nuevo"));
        Assert.False(tray.Take().Torn);
        Assert.Equal(376, tray.Printer.RemainingPaperMm); // 3356 - 351 rows
    }

    [Fact]
    public void Sensors_follow_the_cover_jam_and_offline_controls()
    {
        var sensors = new ConcurrentQueue<PrinterSensors>();
        using var tray = new PaperTray();
        tray.Printer.SensorsChanged += sensors.Enqueue;
        tray.Printer.OpenCover();
        tray.Printer.OpenCover(); // no change, no event
        tray.Printer.CloseCover();
        tray.Printer.JamAfterBytes(0);
        tray.Printer.ClearJam();
        tray.Printer.GoOffline();
        Assert.Equal(
            [
                new PrinterSensors(false, false, true, false, false),
                new PrinterSensors(false, false, false, false, false),
                new PrinterSensors(false, false, false, true, false),
                new PrinterSensors(false, false, false, false, false),
                new PrinterSensors(false, false, false, false, true),
            ],
            sensors);
    }
}
