namespace Vmre.Common.Time;

/// <summary>
/// UTC and the module's local time (brief: reports and logs carry both). The module's time
/// zone comes from its signed configuration, e.g. "America/Chicago".
/// </summary>
public sealed class ModuleClock(TimeZoneInfo zone, Func<DateTimeOffset>? now = null)
{
    private readonly Func<DateTimeOffset> _now = now ?? (() => DateTimeOffset.UtcNow);

    public TimeZoneInfo Zone { get; } = zone;

    public static ModuleClock For(string timeZoneId) => new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    public Stamp Now()
    {
        var utc = _now().ToUniversalTime();
        return new Stamp(utc, TimeZoneInfo.ConvertTime(utc, Zone));
    }
}

public readonly record struct Stamp(DateTimeOffset Utc, DateTimeOffset Local)
{
    // Invariant culture: a host culture with another calendar (th-TH, ar-SA, fa-IR) would
    // otherwise write its own year into logs and reports.
    public string UtcText => Utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    public string LocalText => Local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
