namespace Vmre.Terminal.Session;

/// <summary>
/// What happened at this terminal that officials must see (issue 3: "officials see what
/// happened"): the last few device events in words, newest first, shown on the terminal's
/// official panel and the module server's desk. In memory only, without times or testigo ids:
/// an alert must not let anyone place a voter's vote in time (rules.md R2, R3). The event log
/// keeps the full record.
/// </summary>
public sealed class TerminalAlerts
{
    public const int Kept = 8;
    private readonly LinkedList<string> _alerts = new();

    public void Add(string alert)
    {
        lock (_alerts)
        {
            _alerts.AddFirst(alert);
            while (_alerts.Count > Kept) _alerts.RemoveLast();
        }
    }

    public IReadOnlyList<string> Recent() { lock (_alerts) return _alerts.ToArray(); }
}
