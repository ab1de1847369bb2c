using SkiaSharp;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Printer.Interpreter;
using Vmre.HardwareSim.Printer.Paper;

namespace Vmre.HardwareSim.Tests.Printer.Overprint;

/// <summary>ESC K n: the paper goes back, never above the last cut, and what prints next lands on it (issue 9 §3).</summary>
public class ReverseFeedTests
{
    private const int Margins = PaperGeometry.Margin * 2;

    internal static IReadOnlyList<PageBlock> OnePage(EscPosInterpreter interpreter, byte[] stream) =>
        Assert.Single(interpreter.Feed(stream).OfType<PrinterOutput.Page>()).Blocks;

    private static int PngHeight(IReadOnlyList<PageBlock> blocks)
    {
        using var bitmap = SKBitmap.Decode(PageRenderer.Render(blocks).Png);
        return bitmap.Height;
    }

    [Fact]
    public void Reverse_feed_moves_the_print_position_up_onto_printed_paper()
    {
        var blocks = OnePage(new EscPosInterpreter(), new Ticket().Init().Line("uno").Line("dos").ReverseFeed(60).Line("tres").Cut().Bytes);

        var lines = blocks.OfType<TextLineBlock>().ToDictionary(l => l.Text, l => l.Top);
        Assert.Equal(0, lines["uno"]);
        Assert.Equal(30, lines["dos"]);
        Assert.Equal(0, lines["tres"]);
        // The page is as long as the lowest row reached (dos), not the sum of what printed.
        Assert.Equal(Margins + 60, PageRenderer.HeightDots(blocks));
        Assert.Equal(Margins + 60, PngHeight(blocks));
    }

    [Fact]
    public void Reverse_feed_stops_at_the_last_cut()
    {
        var interpreter = new EscPosInterpreter();
        interpreter.Feed(new Ticket().Init().Line("anterior").Cut().Bytes);

        var blocks = OnePage(interpreter, new Ticket().Line("uno").ReverseFeed(1000).Line("dos").Cut().Bytes);

        Assert.All(blocks.OfType<TextLineBlock>(), l => Assert.Equal(0, l.Top));
        Assert.Equal(Margins + 30 + 3, PageRenderer.HeightDots(blocks)); // one line, then GS V A 3 feeds 3 dots
    }

    [Fact]
    public void Paper_fed_back_and_printed_over_is_not_taken_from_the_roll_again()
    {
        var interpreter = new EscPosInterpreter { Roll = PaperRoll.Of(1000, 0) };
        long before = interpreter.Roll.RemainingDots!.Value;

        var blocks = OnePage(interpreter, new Ticket().Init()
            .Line("1").Line("2").Line("3").Line("4").ReverseFeed(120).Line("otra vez").Cut().Bytes);

        Assert.Equal(Margins + 120, PageRenderer.HeightDots(blocks));
        Assert.Equal(before - (Margins + 120), interpreter.Roll.RemainingDots);
    }

    [Fact]
    public void Reverse_video_spaces_at_font_height_spacing_print_a_solid_black_band()
    {
        var paper = PageRenderer.Render(OnePage(new EscPosInterpreter(), new Ticket().Init().Band(5).Line("fin").Cut().Bytes));

        using var bitmap = SKBitmap.Decode(paper.Png);
        for (int y = PaperGeometry.Margin; y < PaperGeometry.Margin + 5 * 24; y++)
            for (int x = 0; x < bitmap.Width; x++)
                Assert.True(bitmap.GetPixel(x, y).Red < 64, $"white dot at ({x}, {y}) inside the band");
        // ESC 2 after the band: the next line is back at the default pitch, just under the band.
        Assert.Contains("fin", paper.Text);
    }

    [Fact]
    public void Black_wins_where_a_later_line_is_printed_over_the_band()
    {
        // Reverse letters leave their glyphs unheated; printed over black, they stay black.
        var stream = new Ticket().Init().Band(2).ReverseFeed(48)
            .Raw(0x1D, 0x42, 1).Line("ANULADO ANULADO").Raw(0x1D, 0x42, 0).Cut().Bytes;
        var paper = PageRenderer.Render(OnePage(new EscPosInterpreter(), stream));

        using var bitmap = SKBitmap.Decode(paper.Png);
        for (int y = PaperGeometry.Margin; y < PaperGeometry.Margin + 48; y++)
            for (int x = 0; x < bitmap.Width; x++)
                Assert.True(bitmap.GetPixel(x, y).Red < 64, $"white dot at ({x}, {y}): a later block cleared black");
    }
}
