using Vmre.Audit.Paper;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.Interpreter;
using Vmre.HardwareSim.Printer.Paper;
using ZXing;

namespace Vmre.HardwareSim.Tests.Printer.Encoder;

/// <summary>
/// Streams from an independent ESC/POS encoder (npm @point-of-sale/receipt-printer-encoder),
/// printed by the emulator and read back: text through the code page, styles by their ink,
/// QR and barcodes by decoding the page image with ZXing.
/// </summary>
public sealed class EncoderStreamTests(EncoderStreams streams) : IClassFixture<EncoderStreams>
{
    private const string Spanish = "Año, canción, ¿Qué? ¡Sí! Ñandú";

    [Fact]
    public void Spanish_text_prints_in_pc437_the_page_the_encoder_assumes()
    {
        var paper = Assert.Single(EscPosInterpreter.RenderAll(streams.Stream("default-codepage"), PaperWidth.Mm80, out var notices));
        Assert.Empty(notices); // FS . and ESC M 0 at the start are understood, not printed
        Assert.Equal(Spanish, paper.Text);
    }

    [Fact]
    public void Each_code_page_selected_with_esc_t_prints_its_characters()
    {
        var paper = Assert.Single(EscPosInterpreter.RenderAll(streams.Stream("codepages"), PaperWidth.Mm80, out var notices));
        Assert.Empty(notices);
        Assert.Equal([Spanish, Spanish, Spanish + " 5 €", Spanish + " 5 €"], paper.Text.Split('\n'));
        Assert.True(paper.PartialCut);
    }

    [Fact]
    public void Fonts_bold_underline_reverse_size_and_spacing_print_as_set()
    {
        var (paper, blocks) = PrintOne(streams.Stream("styles"));
        using var page = new PageImage(paper.Png, blocks);

        var (fontA, topA) = page.Line("font A line");
        var (fontB, topB) = page.Line("font B line");
        Assert.Equal(PrintFont.B, Assert.Single(fontB.Runs).Style.Font);
        var inkA = page.InkSpan(topA, topA + fontA.TallestDots);
        var inkB = page.InkSpan(topB, topB + fontB.TallestDots);
        // Same eleven characters: font B's 9-dot cells make the line three quarters as wide.
        Assert.InRange((inkB.Right - inkB.Left) / (double)(inkA.Right - inkA.Left), 0.68, 0.82);
        Assert.Equal(17, fontB.TallestDots);

        Assert.True(Assert.Single(page.Line("bold line").Line.Runs).Style.Bold);

        var (underlined, topU) = page.Line("underlined line");
        Assert.Equal(1, Assert.Single(underlined.Runs).Style.UnderlineDots);
        Assert.True(page.InkShare(0, topU + underlined.TallestDots - 1, underlined.WidthDots, 1) > 0.95, "a solid rule under the text");

        var (reverse, topR) = page.Line("REVERSE");
        Assert.True(page.InkShare(0, topR, reverse.WidthDots, reverse.TallestDots) > 0.6, "reverse prints white on black");
        Assert.True(page.InkShare(0, topA, fontA.WidthDots, fontA.TallestDots) < 0.3, "normal text is mostly paper");

        var (big, topBig) = page.Line("BIG");
        Assert.Equal(48, big.TallestDots);
        var inkBig = page.InkSpan(topBig, topBig + big.TallestDots);
        Assert.True(inkBig.Right - inkBig.Left > 60, "double width: three characters over 60 dots");

        var (right, topRight) = page.Line("right");
        Assert.InRange(page.InkSpan(topRight, topRight + right.TallestDots).Right, 563, 575);

        var tight = blocks.OfType<TextLineBlock>().Where(l => l.Text == "tight").ToArray();
        Assert.Equal(2, tight.Length);
        Assert.All(tight, l => Assert.Equal(24, l.HeightDots)); // ESC 3 0: no gap between lines
        Assert.Equal(30, fontA.HeightDots);
    }

    [Fact]
    public void Its_qr_code_decodes()
    {
        var paper = Assert.Single(EscPosInterpreter.RenderAll(streams.Stream("qr"), PaperWidth.Mm80, out var notices));
        Assert.Empty(notices);
        Assert.Equal(["https://example.org/vmre?x=1"], QrImageDecoder.Decode(paper.Png));
    }

    [Fact]
    public void Its_code128_and_ean13_barcodes_decode_with_the_hri_where_asked()
    {
        var (paper, blocks) = PrintOne(streams.Stream("barcodes"));

        Assert.Equal([(BarcodeFormat.CODE_128, "VMRE-12345"), (BarcodeFormat.EAN_13, "4006381333931")], BarcodeImageDecoder.Decode(paper.Png));
        Assert.Equal(["VMRE-12345", "4006381333931"], paper.Barcodes);
        var code128 = blocks.OfType<BarcodeBlock>().First();
        var ean13 = blocks.OfType<BarcodeBlock>().Last();
        Assert.Equal((80, 3, HriPosition.Below), (code128.BarHeight, code128.ModuleWidth, code128.Hri));
        Assert.Equal((60, 4, HriPosition.None), (ean13.BarHeight, ean13.ModuleWidth, ean13.Hri));
        Assert.Equal(80 + code128.HriLineDots, code128.HeightDots);

        using var page = new PageImage(paper.Png, blocks);
        int codeTop = PaperGeometry.Margin;
        var hri = page.InkSpan(codeTop + 80 + BarcodeBlock.HriGap, codeTop + code128.HeightDots);
        Assert.True(hri.Left > 0 && hri.Right < code128.WidthDots, "the HRI is printed under the bars");
    }

    [Fact]
    public void Two_receipts_are_two_pages_and_the_feed_after_the_last_cut_is_no_page()
    {
        var papers = EscPosInterpreter.RenderAll(streams.Stream("two-receipts"), PaperWidth.Mm80, out var notices);
        Assert.Empty(notices);
        // The encoder's LF after the first cut feeds blank paper: the top of the second receipt.
        Assert.Equal(["first", "\nsecond"], papers.Select(p => p.Text));
        Assert.Equal([false, true], papers.Select(p => p.PartialCut));
    }

    [Fact]
    public void A_32_column_receipt_fills_one_line_of_a_58_mm_roll()
    {
        var paper = Assert.Single(EscPosInterpreter.RenderAll(streams.Stream("narrow"), PaperWidth.Mm58, out var notices));
        Assert.Empty(notices);
        Assert.Equal(new string('x', 32), paper.Text);
    }

    [Fact]
    public void The_emulator_on_its_pty_prints_the_same_page_as_the_offline_interpreter()
    {
        var stream = streams.Stream("barcodes");
        var offline = Assert.Single(EscPosInterpreter.RenderAll(stream, PaperWidth.Mm80, out _));

        using var tray = new PaperTray();
        using var port = SerialClient.Open(tray.Printer.SlavePath);
        port.Write(stream);
        var printed = tray.Take();

        Assert.Equal(offline.Png, printed.Png);
        Assert.Equal(offline.Barcodes, printed.Barcodes);
    }

    private static (PrintedPaper Paper, IReadOnlyList<PageBlock> Blocks) PrintOne(byte[] stream)
    {
        var page = Assert.Single(new EscPosInterpreter().Feed(stream).OfType<PrinterOutput.Page>());
        return (PageRenderer.Render(page.Blocks, PaperWidth.Mm80, page.Torn, page.PartialCut), page.Blocks);
    }
}
