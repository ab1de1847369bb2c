namespace Vmre.ModuleServer.Voters;

/// <summary>
/// Check-ins per minute over the last hour, for the desk screen (rules.md R10). Held only in
/// memory as bare counts per minute, never stored and never next to an identity (rules.md R2).
/// </summary>
public sealed class CheckInPace(Func<DateTimeOffset> now)
{
    private readonly object _gate = new();
    private readonly Dictionary<long, int> _perMinute = new();

    public void Record()
    {
        var minute = MinuteOf(now());
        lock (_gate)
        {
            _perMinute[minute] = _perMinute.GetValueOrDefault(minute) + 1;
            foreach (var old in _perMinute.Keys.Where(m => m <= minute - 60).ToArray()) _perMinute.Remove(old);
        }
    }

    public int LastHour()
    {
        var minute = MinuteOf(now());
        lock (_gate) return _perMinute.Where(kv => kv.Key > minute - 60).Sum(kv => kv.Value);
    }

    private static long MinuteOf(DateTimeOffset t) => t.ToUnixTimeSeconds() / 60;
}
