using System.Text;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.Interpreter;
using Vmre.HardwareSim.Printer.Paper;
using ZXing;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>The commands a driver sends beyond what the terminal uses, byte by byte.</summary>
public class EscPosCommandSetTests
{
    private static readonly byte[] Ano = [0x41, 0xA4, 0x6F]; // "Año" in PC437, PC850 and PC858 alike

    private static (PrintedPaper Paper, IReadOnlyList<PageBlock> Blocks, IReadOnlyList<PrinterNotice> Notices) Print(byte[] stream)
    {
        var outputs = new EscPosInterpreter().Feed(stream);
        var page = Assert.Single(outputs.OfType<PrinterOutput.Page>());
        var notices = outputs.OfType<PrinterOutput.Notice>().Select(n => n.What).ToArray();
        return (PageRenderer.Render(page.Blocks, PaperWidth.Mm80, page.Torn, page.PartialCut), page.Blocks, notices);
    }

    [Fact]
    public void Pc437_is_the_page_at_power_on_and_after_esc_at()
    {
        var stream = new Ticket().Raw([.. Ano, 0x0A]).CodePage858().Init().Raw([.. Ano, 0x0A]).Cut().Bytes;
        Assert.Equal("Año\nAño", Print(stream).Paper.Text);
    }

    [Fact]
    public void A_code_page_not_emulated_is_named_and_prints_question_marks()
    {
        var (paper, _, notices) = Print(new Ticket().Raw(0x1B, 0x74, 17).Raw([.. Ano, 0x0A]).Cut().Bytes);
        Assert.Equal("A?o", paper.Text);
        Assert.Contains(notices, n => n.Detail.StartsWith("ESC t 17"));
    }

    [Fact]
    public void Fs_commands_are_consumed_never_printed()
    {
        var stream = new Ticket().Raw(0x1C, 0x2E).Raw(0x1C, 0x26).Raw(0x1C, 0x43, 1).Raw(0x1C, 0x21, 4)
            .Raw(0x1C, 0x28, 0x41, 2, 0, 0x30, 0x31).Raw(0x1C, 0x70, 1, 0).Line("x").Cut().Bytes;
        var (paper, _, notices) = Print(stream);
        Assert.Equal("x", paper.Text);
        Assert.Contains(notices, n => n.Detail.StartsWith("FS &"));
        Assert.DoesNotContain(notices, n => n.Detail.Contains("0x2E"));
    }

    [Fact]
    public void Esc_bang_bit_0_is_font_b_and_bit_7_underline()
    {
        var line = Assert.IsType<TextLineBlock>(Print(new Ticket().Raw(0x1B, 0x21, 0x81).Line("b").Cut().Bytes).Blocks[0]);
        Assert.Equal(new TextStyle(UnderlineDots: 1, Font: PrintFont.B), Assert.Single(line.Runs).Style);
    }

    [Fact]
    public void Font_b_fits_64_columns_on_80_mm()
    {
        var (paper, _, _) = Print(new Ticket().Raw(0x1B, 0x4D, 1).Line(new string('b', 70)).Cut().Bytes);
        Assert.Equal(new string('b', 64) + "\n" + new string('b', 6), paper.Text);
    }

    [Fact]
    public void A_font_the_printer_lacks_is_named_and_the_font_stays()
    {
        var (_, blocks, notices) = Print(new Ticket().Raw(0x1B, 0x4D, 2).Line("a").Cut().Bytes);
        Assert.Equal(PrintFont.A, Assert.Single(((TextLineBlock)blocks[0]).Runs).Style.Font);
        Assert.Contains(notices, n => n.Detail.StartsWith("ESC M 2"));
    }

    [Fact]
    public void Esc_j_feeds_dots_and_esc_3_sets_the_line_pitch()
    {
        var (_, blocks, _) = Print(new Ticket().Raw(0x1B, 0x4A, 40).Raw(0x1B, 0x33, 50).Line("a").Feed(2).Raw(0x1B, 0x32).Line("b").Cut().Bytes);
        Assert.Equal([40, 50, 100, 30, 3], blocks.Select(b => b.HeightDots)); // the cut feeds 3 dots
    }

    [Fact]
    public void Function_a_ean13_without_its_check_digit_gets_one_and_decodes()
    {
        var stream = new Ticket().Raw(0x1D, 0x48, 2).Raw([0x1D, 0x6B, 2, .. "400638133393"u8, 0]).Cut().Bytes;
        var (paper, _, notices) = Print(stream);
        Assert.Empty(notices);
        Assert.Equal([(BarcodeFormat.EAN_13, "4006381333931")], BarcodeImageDecoder.Decode(paper.Png));
        Assert.Equal(["4006381333931"], paper.Barcodes);
    }

    [Fact]
    public void Code128_code_set_c_carries_two_digits_a_byte()
    {
        var stream = new Ticket().Raw([0x1D, 0x6B, 73, 6, .. "{C"u8, 12, 34, 56, 7]).Cut().Bytes;
        var (paper, _, notices) = Print(stream);
        Assert.Empty(notices);
        Assert.Equal([(BarcodeFormat.CODE_128, "12345607")], BarcodeImageDecoder.Decode(paper.Png));
    }

    [Theory]
    [InlineData(new byte[] { 0x1D, 0x6B, 67, 3, 0x31, 0x32, 0x33 }, "data not valid")]      // EAN-13 of three digits
    [InlineData(new byte[] { 0x1D, 0x6B, 67, 13, 0x34, 0x30, 0x30, 0x36, 0x33, 0x38, 0x31, 0x33, 0x33, 0x33, 0x39, 0x33, 0x30 }, "data not valid")] // wrong check digit
    [InlineData(new byte[] { 0x1D, 0x6B, 74, 2, 0x30, 0x31 }, "GS1")]
    public void A_barcode_the_printer_refuses_is_named_and_not_printed(byte[] command, string why)
    {
        var stream = new Ticket().Raw(command).Line("x").Cut().Bytes;
        var (paper, blocks, notices) = Print(stream);
        Assert.Empty(blocks.OfType<BarcodeBlock>());
        Assert.Equal("x", paper.Text); // the data bytes are not printed as text either
        Assert.Contains(notices, n => n.Detail.Contains(why));
    }

    [Fact]
    public void A_barcode_wider_than_the_paper_is_not_printed()
    {
        var data = Encoding.ASCII.GetBytes("{B" + new string('W', 40));
        var (_, blocks, notices) = Print(new Ticket().Raw(0x1D, 0x77, 6).Raw([0x1D, 0x6B, 73, (byte)data.Length, .. data]).Line("x").Cut().Bytes);
        Assert.Empty(blocks.OfType<BarcodeBlock>());
        Assert.Contains(notices, n => n.Detail.Contains("wider than the paper"));
    }

    [Fact]
    public void Hri_above_and_below_adds_a_line_each_in_the_hri_font()
    {
        var stream = new Ticket().Raw(0x1D, 0x48, 0x33).Raw(0x1D, 0x66, 1).Raw(0x1D, 0x68, 50).Raw([0x1D, 0x6B, 73, 5, .. "{BABC"u8]).Cut().Bytes;
        var barcode = Assert.Single(Print(stream).Blocks.OfType<BarcodeBlock>());
        Assert.Equal((HriPosition.Both, PrintFont.B), (barcode.Hri, barcode.HriFont));
        Assert.Equal(50 + 2 * (17 + BarcodeBlock.HriGap), barcode.HeightDots);
    }

    [Fact]
    public void A_partial_cut_is_a_page_marked_partial()
    {
        var outputs = new EscPosInterpreter().Feed(new Ticket().Line("a").Raw(0x1D, 0x56, 1).Line("b").Raw(0x1D, 0x56, 0x41, 0).Bytes);
        Assert.Equal([true, false], outputs.OfType<PrinterOutput.Page>().Select(p => p.PartialCut));
    }

    [Fact]
    public void Blank_paper_after_the_last_cut_is_no_page_but_text_after_it_is()
    {
        byte[] blankTail = new Ticket().Line("a").Cut().Raw(0x0A, 0x0D, 0x0A).Feed(3).Raw(0x1B, 0x4A, 20).Line("   ").Bytes;
        Assert.Equal(["a"], EscPosInterpreter.RenderAll(blankTail, PaperWidth.Mm80, out _).Select(p => p.Text));
        byte[] textTail = new Ticket().Line("a").Cut().Line("b").Bytes;
        Assert.Equal(["a", "b"], EscPosInterpreter.RenderAll(textTail, PaperWidth.Mm80, out _).Select(p => p.Text));
    }

    [Fact]
    public void Gs_r_answers_the_paper_sensor_and_drawer_in_turn()
    {
        var interpreter = new EscPosInterpreter();
        interpreter.Condition.PaperNearEnd = true;
        var outputs = interpreter.Feed([0x1D, 0x72, 1, 0x1D, 0x72, 50, 0x1D, 0x72, 7]);
        Assert.Equal(new byte[] { 0x03, 0x00 }, outputs.OfType<PrinterOutput.Status>().Select(s => s.Byte));
        Assert.Contains(outputs.OfType<PrinterOutput.Notice>(), n => n.What.Detail.StartsWith("GS r 7"));
    }
}
