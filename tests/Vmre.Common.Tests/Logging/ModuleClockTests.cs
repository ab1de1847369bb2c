using System.Globalization;
using Vmre.Common.Tests.Support;

namespace Vmre.Common.Tests.Logging;

/// <summary>rules.md R7: logs and reports carry UTC and the module's local time with its offset.</summary>
public class ModuleClockTests
{
    [Fact]
    public void Chicago_in_November_is_minus_six()
    {
        var stamp = FixedClock.At("2024-11-15T18:30:00Z").Now();
        Assert.Equal("2024-11-15T18:30:00Z", stamp.UtcText);
        Assert.Equal("2024-11-15T12:30:00-06:00", stamp.LocalText);
    }

    [Fact]
    public void Chicago_in_July_is_minus_five()
    {
        var stamp = FixedClock.At("2024-07-15T18:30:00Z").Now();
        Assert.EndsWith("-05:00", stamp.LocalText);
        Assert.Equal("2024-07-15T13:30:00-05:00", stamp.LocalText);
    }

    [Fact]
    public void Local_date_can_differ_from_utc_date()
    {
        var stamp = FixedClock.At("2024-06-03T02:15:00Z").Now();
        Assert.Equal("2024-06-02T21:15:00-05:00", stamp.LocalText);
    }

    [Theory]
    [InlineData("th-TH")] // Buddhist calendar: year 2567
    [InlineData("ar-SA")] // Umm al-Qura calendar
    [InlineData("fa-IR")] // Persian calendar
    public void Stamps_do_not_depend_on_the_host_culture(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            var stamp = FixedClock.At("2024-06-02T14:00:00Z").Now();
            Assert.Equal("2024-06-02T14:00:00Z", stamp.UtcText);
            Assert.Equal("2024-06-02T09:00:00-05:00", stamp.LocalText);
        }
        finally { CultureInfo.CurrentCulture = before; }
    }
}
