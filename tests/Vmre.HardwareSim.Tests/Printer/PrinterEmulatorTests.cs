using SkiaSharp;
using Vmre.Audit.Paper;
using Vmre.HardwareSim.Printer;

namespace Vmre.HardwareSim.Tests.Printer;

public class PrinterEmulatorTests
{
    private const string Payload = "VMRE-T1|0a1b2c3d|05|0123456789ABCDEF0123|GOB-05=PAN+PRI";

    private static byte[] Testigo() => new Ticket()
        .Init().CodePage858()
        .Align(1).Bold(true).Size(2, 2).Line("TESTIGO DEL VOTO").Size(1, 1).Bold(false)
        .Align(0).Line("Ñ á é í ó ú")
        .Line("¿Año? ¡Sí! 25° Ü É Í Ó Ú Á ü ñ")
        .Align(1).Qr(Payload)
        .Feed(2).Cut().Bytes;

    [Fact]
    public void Testigo_is_cut_as_a_readable_png()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(Testigo());

        var paper = tray.Take();

        using var bitmap = SKBitmap.Decode(paper.Png);
        Assert.Equal(576, bitmap.Width);
        Assert.Contains("TESTIGO DEL VOTO", paper.Text);
        Assert.Contains("Ñ á é í ó ú", paper.Text);
        Assert.Contains("¿Año? ¡Sí! 25° Ü É Í Ó Ú Á ü ñ", paper.Text);
        Assert.Equal([Payload], paper.QrPayloads);
        Assert.Equal([Payload], QrImageDecoder.Decode(paper.Png));
        // A sample for a person to look at, beside the test assembly (not a shared fixed path).
        var samples = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "test-artifacts", nameof(PrinterEmulatorTests)));
        File.WriteAllBytes(Path.Combine(samples.FullName, "sample-testigo.png"), paper.Png);
        Assert.Empty(tray.Notices);
    }

    [Fact]
    public void Two_cuts_make_two_papers()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(new Ticket().Init().Line("uno").Cut().Line("dos").Cut().Bytes);

        Assert.Equal("uno", tray.Take().Text);
        Assert.Equal("dos", tray.Take().Text);
    }

    [Fact]
    public void Bytes_split_across_writes_still_form_commands()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        foreach (byte b in Testigo())
        {
            port.Write([b]);
            port.BaseStream.Flush();
        }
        Assert.Equal([Payload], tray.Take().QrPayloads);
    }

    [Theory]
    [InlineData(48)] [InlineData(49)] [InlineData(50)] [InlineData(51)]
    public void Every_error_correction_level_prints_a_readable_qr(byte level)
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(new Ticket().Init().Qr(Payload, level, moduleSize: 3).Cut().Bytes);
        Assert.Equal([Payload], QrImageDecoder.Decode(tray.Take().Png));
    }

    [Fact]
    public void Long_lines_wrap_at_48_columns()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(new Ticket().Init().Line(new string('x', 50)).Cut().Bytes);
        Assert.Equal(new string('x', 48) + "\nxx", tray.Take().Text);
    }

    [Fact]
    public void Unknown_commands_are_reported_and_skipped()
    {
        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        // ESC G 1 (double strike), ESC { 1 (upside down), GS ( L (graphics): not emulated, skipped whole.
        port.Write(new Ticket().Init()
            .Raw(0x1B, 0x47, 1).Raw(0x1B, 0x7B, 1).Raw(0x1D, 0x28, 0x4C, 2, 0, 0x30, 0x45)
            .Line("sigue").Cut().Bytes);
        Assert.Equal("sigue", tray.Take().Text);
        Assert.Equal(3, tray.Notices.Count(n => n.Kind == PrinterNoticeKind.UnknownCommand));
    }
}
