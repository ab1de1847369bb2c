using Vmre.Common.Time;

namespace Vmre.Common.Tests.Support;

public static class FixedClock
{
    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    /// <summary>A module clock in Chicago that always reads the given UTC instant.</summary>
    public static ModuleClock At(string utc) => new(Chicago, new ScriptedTime(() => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A clock that advances one second per reading (thread-safe).</summary>
    public static ModuleClock Ticking(string startUtc)
    {
        var start = DateTimeOffset.Parse(startUtc, System.Globalization.CultureInfo.InvariantCulture);
        long n = 0;
        return new(Chicago, new ScriptedTime(() => start.AddSeconds(Interlocked.Increment(ref n))));
    }
}
