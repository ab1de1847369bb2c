using System.Text;
using Vmre.HardwareSim.Printer.CodePages;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>The emulator's written-out tables against the platform's own code pages.</summary>
public class CodePageTests
{
    [Theory]
    [InlineData(PrinterCodePage.Pc437, 437)]
    [InlineData(PrinterCodePage.Pc850, 850)]
    [InlineData(PrinterCodePage.Wpc1252, 1252)]
    public void Tables_match_the_platform(int escT, int platform)
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(platform)!;
        for (int b = 0x20; b < 256; b++)
        {
            char expected = encoding.GetString([(byte)b])[0];
            // The five codes Windows-1252 leaves undefined have no glyph on a printer either.
            if (platform == 1252 && b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D) expected = '?';
            Assert.True(expected == PrinterCodePage.Decode(escT, (byte)b), $"ESC t {escT}, byte 0x{b:X2}");
        }
    }

    [Fact]
    public void Pc858_is_pc850_with_the_euro()
    {
        Assert.Equal('€', PrinterCodePage.Decode(PrinterCodePage.Pc858, 0xD5));
        Assert.Equal('ı', PrinterCodePage.Decode(PrinterCodePage.Pc850, 0xD5));
    }

    [Fact]
    public void A_page_not_emulated_prints_question_marks_above_ascii()
    {
        Assert.False(PrinterCodePage.IsEmulated(17));
        Assert.Equal('?', PrinterCodePage.Decode(17, 0xA4));
        Assert.Equal('A', PrinterCodePage.Decode(17, 0x41));
    }
}
