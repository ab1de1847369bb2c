using Vmre.Common.Acta;

namespace Vmre.Common.Tests.Acta;

/// <summary>Brief section 2: the acta states every figure also in words, in correct Spanish.</summary>
public class SpanishNumberTests
{
    [Theory]
    [InlineData(0, "cero")]
    [InlineData(1, "uno")]
    [InlineData(15, "quince")]
    [InlineData(16, "dieciséis")]
    [InlineData(21, "veintiuno")]
    [InlineData(22, "veintidós")]
    [InlineData(23, "veintitrés")]
    [InlineData(26, "veintiséis")]
    [InlineData(30, "treinta")]
    [InlineData(31, "treinta y uno")]
    [InlineData(99, "noventa y nueve")]
    [InlineData(100, "cien")]
    [InlineData(101, "ciento uno")]
    [InlineData(115, "ciento quince")]
    [InlineData(200, "doscientos")]
    [InlineData(500, "quinientos")]
    [InlineData(700, "setecientos")]
    [InlineData(900, "novecientos")]
    [InlineData(999, "novecientos noventa y nueve")]
    [InlineData(1000, "mil")]
    [InlineData(1001, "mil uno")]
    [InlineData(1362, "mil trescientos sesenta y dos")] // Los Ángeles' registered voters, 2023
    [InlineData(2000, "dos mil")]
    [InlineData(5755, "cinco mil setecientos cincuenta y cinco")]
    [InlineData(21000, "veintiún mil")]
    [InlineData(31000, "treinta y un mil")]
    [InlineData(100000, "cien mil")]
    [InlineData(101000, "ciento un mil")]
    [InlineData(121121, "ciento veintiún mil ciento veintiuno")]
    [InlineData(1000000, "un millón")]
    [InlineData(1000001, "un millón uno")]
    [InlineData(2000000, "dos millones")]
    [InlineData(21000000, "veintiún millones")]
    [InlineData(999999999, "novecientos noventa y nueve millones novecientos noventa y nueve mil novecientos noventa y nueve")]
    public void Words(int n, string expected)
    {
        Assert.Equal(expected, SpanishNumber.Words(n));
    }

    [Fact]
    public void Negative_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpanishNumber.Words(-1));
    }

    [Fact]
    public void No_double_or_trailing_spaces_up_to_one_hundred_thousand()
    {
        for (var n = 0; n <= 100_000; n++)
        {
            var w = SpanishNumber.Words(n);
            Assert.False(w.Contains("  ") || w.StartsWith(' ') || w.EndsWith(' '), $"{n}: '{w}'");
        }
    }
}
