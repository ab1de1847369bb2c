using CsCheck;
using Vmre.Firmware.Text;

namespace Vmre.Firmware.Tests.Text;

public class TextTests
{
    [Fact]
    public void Utf8_matches_dot_net() =>
        Gen.String.Sample(s =>
        {
            var expected = System.Text.Encoding.UTF8.GetBytes(s);
            Assert.Equal(expected, Utf8.GetBytes(s));
            Assert.Equal(expected.Length, Utf8.ByteCount(s));
        }, iter: 5000);

    [Fact]
    public void Utf8_handles_surrogate_pairs_and_lone_surrogates()
    {
        Assert.Equal(new byte[] { 0xF0, 0x9F, 0x97, 0xB3 }, Utf8.GetBytes("\U0001F5F3"));
        Assert.Equal(new byte[] { 0xEF, 0xBF, 0xBD }, Utf8.GetBytes("\uD800"));
    }

    [Fact]
    public void Base64_url_matches_dot_net_and_round_trips() =>
        Gen.Byte.Array[0, 100].Sample(bytes =>
        {
            var expected = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var text = Base64Url.Encode(bytes);
            Assert.Equal(expected, text);
            Assert.Equal(bytes, Base64Url.TryDecode(text));
        }, iter: 3000);

    [Theory]
    [InlineData("A")]      // length 1 mod 4
    [InlineData("AB=")]    // padding
    [InlineData("AB/C")]   // standard alphabet
    [InlineData("AB")]     // non-zero trailing bits ("AA" is the canonical form)
    public void Base64UrlRejectsNonCanonical(string text) => Assert.Null(Base64Url.TryDecode(text));

    [Fact]
    public void Compare_ordinal_matches_dot_net() =>
        Gen.Select(Gen.String, Gen.String).Sample((a, b) =>
            Assert.Equal(Math.Sign(string.CompareOrdinal(a, b)), Chars.CompareOrdinal(a, b)), iter: 3000);
}
