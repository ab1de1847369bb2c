using SkiaSharp;
using Vmre.Audit.Paper;
using Vmre.HardwareSim.Printer;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>The emulator loaded with a 58 mm roll, over a real pty.</summary>
public class NarrowPaperTests
{
    [Fact]
    public void Emulator_on_58_mm_renders_384_dots_and_its_qr_decodes()
    {
        const string payload = "VMRE-T1|ffee|03|00112233445566778899|DIP-03=MORENA";
        using var tray = new PaperTray(PaperWidth.Mm58);
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(new Ticket().Init().Align(1).Line("TESTIGO").Qr(payload, moduleSize: 8).Cut().Bytes);

        var paper = tray.Take();
        Assert.Equal(PaperWidth.Mm58, tray.Printer.Width);
        Assert.Equal(384, SKBitmap.Decode(paper.Png).Width);
        Assert.Equal([payload], QrImageDecoder.Decode(paper.Png));
    }
}
