using SkiaSharp;
using Vmre.Audit.Paper;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.Interpreter;
using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>The offline interpreter: captured streams rendered without a pty, on both paper widths.</summary>
public class EscPosInterpreterTests
{
    private const string Payload = "VMRE-T1|0a1b2c3d|05|0123456789ABCDEF0123|GOB-05=PAN+PRI";

    [Fact]
    public void Render_all_gives_every_cut_page_and_the_uncut_rest_last()
    {
        var stream = new Ticket().Init().Line("uno").Cut().Line("dos").Cut().Line("sin cortar").Raw(0x1B, 0x71).Bytes;

        var papers = EscPosInterpreter.RenderAll(stream, PaperWidth.Mm80, out var notices);

        Assert.Equal(["uno", "dos", "sin cortar"], papers.Select(p => p.Text));
        Assert.All(papers, p => Assert.Equal(576, SKBitmap.Decode(p.Png).Width));
        Assert.Equal([new PrinterNotice(PrinterNoticeKind.UnknownCommand, "ESC 0x71 (2 bytes)")], notices);
    }

    [Fact]
    public void Render_all_says_when_the_stream_ends_inside_a_command()
    {
        var papers = EscPosInterpreter.RenderAll([.. new Ticket().Line("x").Bytes, 0x1D, 0x28, 0x6B, 0x10], PaperWidth.Mm80, out var notices);
        Assert.Equal("x", Assert.Single(papers).Text);
        Assert.Contains(notices, n => n.Detail == "stream ends inside a command (4 bytes)");
    }

    [Fact]
    public void A_58_mm_roll_is_384_dots_wide_wraps_at_32_columns_and_its_qr_still_reads()
    {
        var stream = new Ticket().Init().Line(new string('A', 40)).Align(1).Qr(Payload, moduleSize: 6).Cut().Bytes;

        var paper = Assert.Single(EscPosInterpreter.RenderAll(stream, PaperWidth.Mm58, out var notices));

        Assert.Empty(notices);
        Assert.Equal(PaperWidth.Mm58, paper.Width);
        Assert.Equal(384, SKBitmap.Decode(paper.Png).Width);
        Assert.Equal(new string('A', 32) + "\n" + new string('A', 8), paper.Text);
        Assert.Equal([Payload], QrImageDecoder.Decode(paper.Png));
    }

    [Fact]
    public void Process_id_request_is_answered_after_the_page_it_follows()
    {
        var interpreter = new EscPosInterpreter();
        var outputs = interpreter.Feed(new Ticket().Init().Line("t").Cut().ProcessId("0042").Raw(0x10, 0x04, 1).Bytes);

        Assert.Collection(outputs,
            o => Assert.Equal("t", Assert.Single(Assert.IsType<PrinterOutput.Page>(o).Blocks.OfType<TextLineBlock>()).Text),
            o => Assert.Equal(new byte[] { 0x37, 0x22, 0x30, 0x30, 0x34, 0x32, 0x00 }, Assert.IsType<PrinterOutput.ProcessId>(o).Response),
            o => Assert.Equal(0x12, Assert.IsType<PrinterOutput.Status>(o).Byte));
    }

    [Fact]
    public void Emulator_and_offline_rendering_agree_on_a_testigo()
    {
        var stream = new Ticket().Init().CodePage858().Bold(true).Line("TESTIGO").Bold(false).Line("Año").Qr(Payload).Cut().Bytes;
        var offline = Assert.Single(EscPosInterpreter.RenderAll(stream, PaperWidth.Mm80, out _));

        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(stream);
        var printed = tray.Take();

        Assert.Equal(offline.Text, printed.Text);
        Assert.Equal(offline.Png, printed.Png);
    }
}
