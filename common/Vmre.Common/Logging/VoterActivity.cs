using System.Globalization;

namespace Vmre.Common.Logging;

/// <summary>
/// Voters' actions counted per UTC clock hour instead of logged one by one (issue 9 point 3;
/// docs/rules.md "R3 meets R7"). A timed line per check-in, redemption, confirmation, print or
/// seal would let anyone who saw a voter arrive pair them with whatever else a log or a box
/// leaks about that moment. Each action is still logged (R7): as one of the counts on a
/// <c>voter-activity</c> line for its hour, written by a timer at the end of the hour (never
/// when the next voter acts, whose own time the line would then give away), at polls close
/// and when the device stops. Officials' actions and device events keep their own timed lines.
/// </summary>
public sealed class VoterActivity : IDisposable
{
    public const string Event = "voter-activity";
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);
    private readonly object _gate = new();
    private readonly EventLog _log;
    private readonly TimeProvider _time;
    private readonly SortedDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);
    private readonly ITimer? _timer;
    private DateTimeOffset _hour;

    /// <param name="tick">Whether a timer writes each hour's line when the hour ends (hosts: yes; unit tests call <see cref="FlushEndedHour"/>).</param>
    public VoterActivity(EventLog log, TimeProvider time, bool tick = true)
    {
        _log = log;
        _time = time;
        _hour = HourOf(time.GetUtcNow());
        if (tick) _timer = time.CreateTimer(_ => FlushEndedHour(), null, Tick, Tick);
    }

    /// <summary>
    /// Counts one action. <paramref name="detail"/> (a reason code, an outcome) is counted apart
    /// as <c>event:detail</c>; it must never be a selection, an identity or a nonce (rules.md R2, R3).
    /// </summary>
    public void Record(string evt, Actor? actor = null, string? detail = null)
    {
        var key = detail is null ? evt : evt + ":" + detail;
        lock (_gate)
        {
            FlushIfHourEnded();
            var who = actor is null ? "-" : actor.Role + "\n" + actor.Credential;
            if (!_tallies.TryGetValue(who, out var tally)) _tallies[who] = tally = new Tally(actor);
            tally.Counts[key] = tally.Counts.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Called by the timer: writes the counts of an hour that has ended.</summary>
    public void FlushEndedHour()
    {
        lock (_gate) FlushIfHourEnded();
    }

    /// <summary>Writes the current hour's counts now (polls close, closing record, orderly stop).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            FlushIfHourEnded();
            WriteAll();
        }
    }

    /// <summary>Counts recorded and not yet written (for tests and the desk; no times).</summary>
    public int Pending
    {
        get { lock (_gate) return _tallies.Values.Sum(t => t.Counts.Values.Sum()); }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        Flush();
    }

    private void FlushIfHourEnded()
    {
        var now = HourOf(_time.GetUtcNow());
        if (now == _hour) return;
        WriteAll();
        _hour = now;
    }

    private void WriteAll()
    {
        foreach (var tally in _tallies.Values)
        {
            var data = new Dictionary<string, string>
            {
                ["hour"] = _hour.ToString("yyyy-MM-dd'T'HH':00Z'", CultureInfo.InvariantCulture),
            };
            foreach (var (key, count) in tally.Counts) data[key] = count.ToString(CultureInfo.InvariantCulture);
            _log.Append(Event, tally.Actor, data);
        }
        _tallies.Clear();
    }

    private static DateTimeOffset HourOf(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private sealed class Tally(Actor? actor)
    {
        public Actor? Actor { get; } = actor;
        public SortedDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);
    }
}
