using System.Security.Cryptography;
using System.Text;
using Vmre.Common.Logging;

namespace Vmre.Common.Tests.Logging;

/// <summary>Issue 11 point 2: request text reaches a log line bounded: short printable ASCII as is, anything else hashed.</summary>
public sealed class LogTextTests
{
    [Theory]
    [InlineData("PRES-01")]
    [InlineData("T1")]
    [InlineData("")]
    [InlineData("~!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_")]
    public void Short_printable_ascii_is_kept_as_is(string text) => Assert.Equal(text, LogText.Untrusted(text));

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    [InlineData("Peña")]
    [InlineData("\u001b[31mred")]
    public void Control_and_non_ascii_characters_are_hashed(string text) => Assert.Equal(Hashed(text), LogText.Untrusted(text));

    [Fact]
    public void Text_over_64_characters_is_hashed_with_its_length()
    {
        var eight = new string('A', 8 * 1024 * 1024);
        Assert.Equal(Hashed(eight), LogText.Untrusted(eight));
        Assert.EndsWith(",len:8388608", LogText.Untrusted(eight));
        Assert.Equal(new string('A', 64), LogText.Untrusted(new string('A', 64)));
        Assert.StartsWith("sha256:", LogText.Untrusted(new string('A', 65)));
    }

    [Fact]
    public void A_reason_is_kept_readable_up_to_200_characters_then_cut_and_hashed()
    {
        // Review finding 12: a strict-reading refusal quotes a peer's property name.
        Assert.Equal("unknown property 'x'", LogText.Reason("unknown property 'x'"));
        var huge = "unknown property '" + new string('Z', 100_000) + "'";
        var logged = LogText.Reason(huge);
        Assert.StartsWith("unknown property 'ZZZ", logged);
        Assert.EndsWith($" [{Hashed(huge)}]", logged);
        Assert.Equal(200 + $" [{Hashed(huge)}]".Length, logged.Length);
        Assert.Equal("line?break [" + Hashed("line\nbreak") + "]", LogText.Reason("line\nbreak"));
    }

    [Fact]
    public void Nothing_is_said_as_none() => Assert.Equal("(none)", LogText.Untrusted(null));

    private static string Hashed(string text) =>
        $"sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]},len:{text.Length}";
}
