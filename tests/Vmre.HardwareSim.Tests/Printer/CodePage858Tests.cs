using System.Text;
using Vmre.HardwareSim.Printer;

namespace Vmre.HardwareSim.Tests.Printer;

public class CodePage858Tests
{
    [Fact]
    public void Table_matches_the_platform_cp850_except_the_euro()
    {
        var cp850 = CodePagesEncodingProvider.Instance.GetEncoding(850)!;
        for (int b = 0; b < 256; b++)
        {
            char expected = b == 0xD5 ? '€' : cp850.GetString([(byte)b])[0];
            Assert.Equal(expected, CodePage858.Decode((byte)b));
        }
    }

    [Theory]
    [InlineData("á", 0xA0)] [InlineData("é", 0x82)] [InlineData("í", 0xA1)] [InlineData("ó", 0xA2)]
    [InlineData("ú", 0xA3)] [InlineData("ü", 0x81)] [InlineData("ñ", 0xA4)] [InlineData("Ñ", 0xA5)]
    [InlineData("Á", 0xB5)] [InlineData("É", 0x90)] [InlineData("Í", 0xD6)] [InlineData("Ó", 0xE0)]
    [InlineData("Ú", 0xE9)] [InlineData("Ü", 0x9A)] [InlineData("¿", 0xA8)] [InlineData("¡", 0xAD)]
    [InlineData("°", 0xF8)] [InlineData("€", 0xD5)]
    public void Spanish_letters_round_trip(string letter, int code)
    {
        Assert.True(CodePage858.TryEncode(letter, out var bytes));
        Assert.Equal([(byte)code], bytes);
        Assert.Equal(letter, CodePage858.Decode(bytes));
    }

    [Fact]
    public void Characters_outside_the_page_are_refused()
    {
        Assert.False(CodePage858.TryEncode("✓", out _));
    }
}
