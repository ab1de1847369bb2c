using Vmre.Common.Module;

namespace Vmre.Common.Tests.Module;

/// <summary>rules.md R8: officials authenticate with a PIN, stored only as a salted verifier.</summary>
public class PinVerifierTests
{
    private static OfficialEntry Official(string pin)
    {
        var (salt, hash) = PinVerifier.Create(pin);
        return new OfficialEntry("PRES-01", OfficialRole.Presidente, "Presidenta", salt, hash);
    }

    [Fact]
    public void Right_pin_matches() => Assert.True(PinVerifier.Matches(Official("482913"), "482913"));

    [Theory]
    [InlineData("482914")]
    [InlineData("48291")]
    [InlineData("4829130")]
    [InlineData("")]
    public void Wrong_pin_does_not_match(string attempt) => Assert.False(PinVerifier.Matches(Official("482913"), attempt));

    [Fact]
    public void Same_pin_gets_different_salts_and_hashes()
    {
        var a = PinVerifier.Create("1234");
        var b = PinVerifier.Create("1234");
        Assert.NotEqual(a.Salt, b.Salt);
        Assert.NotEqual(a.Hash, b.Hash);
        Assert.Equal(16, Convert.FromBase64String(a.Salt).Length);
        Assert.Equal(32, Convert.FromBase64String(a.Hash).Length);
    }

    [Fact]
    public void Verifier_does_not_contain_the_pin()
    {
        var (salt, hash) = PinVerifier.Create("482913");
        Assert.DoesNotContain("482913", salt + hash);
    }
}
