namespace Vmre.Common.Time;

/// <summary>
/// UTC and the module's local time (brief: reports and logs carry both). The module's time
/// zone comes from its signed configuration, e.g. "America/Chicago". "Now" comes from a
/// <see cref="TimeProvider"/> (issue 7.5): the system's, or a fake one a test moves.
/// </summary>
public sealed class ModuleClock(TimeZoneInfo zone, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public TimeZoneInfo Zone { get; } = zone;

    public static ModuleClock For(string timeZoneId) => new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    public Stamp Now()
    {
        var utc = _time.GetUtcNow();
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
