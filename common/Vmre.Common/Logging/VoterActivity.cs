using System.Globalization;

namespace Vmre.Common.Logging;

/// <summary>
/// Voters' actions counted per UTC clock hour instead of logged one by one (issue 9 point 3;
/// docs/rules.md "R3 meets R7"). A timed line per check-in, redemption, confirmation, print or
/// seal would let anyone who saw a voter arrive pair them with whatever else a log or a box
/// leaks about that moment. Each action is still logged (R7): as one of the counts on a
/// <c>voter-activity</c> line for its hour, written by a timer once the hour has ended, at polls
/// close and when the device stops. Officials' actions and device events keep their own timed lines.
/// </summary>
/// <remarks>
/// <see cref="Record"/> never writes: if it wrote the previous hour's line when the first voter of
/// a new hour acted, that line's own time would be that voter's time to the second. Each count is
/// kept under the hour it happened in, so a count recorded after the hour turned and before the
/// timer fired still lands in the new hour.
/// </remarks>
public sealed class VoterActivity : IDisposable
{
    public const string Event = "voter-activity";
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);
    private readonly object _gate = new();
    private readonly EventLog _log;
    private readonly TimeProvider _time;
    // Keyed by (hour, actor): older hours first, so lines come out in hour order.
    private readonly SortedDictionary<(DateTimeOffset Hour, string Who), Tally> _tallies = new(Comparer<(DateTimeOffset Hour, string Who)>.Create(
        (a, b) => a.Hour != b.Hour ? a.Hour.CompareTo(b.Hour) : string.CompareOrdinal(a.Who, b.Who)));
    private readonly ITimer? _timer;
    private bool _stopped;

    /// <param name="tick">Whether a timer writes each hour's line when the hour ends (hosts: yes; unit tests call <see cref="FlushEndedHour"/>).</param>
    public VoterActivity(EventLog log, TimeProvider time, bool tick = true)
    {
        _log = log;
        _time = time;
        if (tick) _timer = time.CreateTimer(_ => FlushEndedHour(), null, Tick, Tick);
    }

    /// <summary>
    /// Counts one action in the current hour. <paramref name="detail"/> (a reason code, an outcome)
    /// is counted apart as <c>event:detail</c>; it must never be a selection, an identity or a nonce
    /// (rules.md R2, R3). Writes nothing to the log.
    /// </summary>
    public void Record(string evt, Actor? actor = null, string? detail = null)
    {
        var key = detail is null ? evt : evt + ":" + detail;
        var hour = HourOf(_time.GetUtcNow());
        var who = actor is null ? "-" : actor.Role + "\n" + actor.Credential;
        lock (_gate)
        {
            if (!_tallies.TryGetValue((hour, who), out var tally)) _tallies[(hour, who)] = tally = new Tally(actor);
            tally.Counts[key] = tally.Counts.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Called by the timer: writes the counts of every hour that has ended, none of the current one.</summary>
    public void FlushEndedHour()
    {
        var current = HourOf(_time.GetUtcNow());
        lock (_gate)
        {
            // A tick already under way when the device stopped: its log may be closed by now.
            if (_stopped) return;
            try
            {
                Write(hour => hour < current);
            }
            catch (IOException)
            {
                // Issue 11 point 2: a full disk. The counts not written stay kept (Write removes a
                // tally only once its line is in the log) and the next tick tries again; thrown
                // from a timer it would end the process.
            }
        }
    }

    /// <summary>Writes every count now, the current hour's too (polls close, closing record, orderly stop).</summary>
    public void Flush()
    {
        lock (_gate) Write(_ => true);
    }

    /// <summary>Counts recorded and not yet written (for tests and the desk; no times).</summary>
    public int Pending
    {
        get { lock (_gate) return _tallies.Values.Sum(t => t.Counts.Values.Sum()); }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            if (_stopped) return;
            Write(_ => true);
            _stopped = true;
        }
    }

    private void Write(Func<DateTimeOffset, bool> due)
    {
        foreach (var ((hour, who), tally) in _tallies.Where(t => due(t.Key.Hour)).ToArray())
        {
            var data = new Dictionary<string, string>
            {
                ["hour"] = hour.ToString("yyyy-MM-dd'T'HH':00Z'", CultureInfo.InvariantCulture),
            };
            foreach (var (key, count) in tally.Counts) data[key] = count.ToString(CultureInfo.InvariantCulture);
            _log.Append(Event, tally.Actor, data);
            _tallies.Remove((hour, who));
        }
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
