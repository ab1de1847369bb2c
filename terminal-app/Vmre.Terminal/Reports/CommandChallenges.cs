using Vmre.Common.Module;

namespace Vmre.Terminal.Reports;

/// <summary>
/// The challenges this terminal has handed out and not yet seen answered (issue 8 point 3). Each
/// is 128 bits from the OS CSPRNG, good for one command, and only for <see cref="Lifetime"/>
/// measured on the monotonic clock (<see cref="TimeProvider.GetTimestamp"/>): an isolated module
/// LAN has no time source, so the wall clock may be minutes off or set back, and freshness never
/// reads it. They live in memory only: a restart forgets them, so a command captured before a
/// restart or power cut finds no challenge to answer. At most <see cref="Capacity"/> are
/// outstanding (the oldest is forgotten first), so a stranger asking for challenges cannot grow
/// memory; until the LAN is mutually authenticated (issue 8 point 2) such a flood can only make
/// the server ask again.
/// </summary>
public sealed class CommandChallenges(TimeProvider? time = null)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    public const int Capacity = 32;
    private const int UsedRemembered = 64;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly object _gate = new();
    // Insertion order is issue order, so the first entries are the oldest.
    private readonly List<(string Nonce, long Issued)> _outstanding = [];
    // Only so a replay is refused with the plainer reason; forgetting one still refuses it (unknown).
    private readonly Queue<string> _used = new();

    public ModuleChallenge Issue()
    {
        var challenge = ModuleChallenge.Fresh();
        lock (_gate)
        {
            _outstanding.RemoveAll(c => Expired(c.Issued));
            if (_outstanding.Count >= Capacity) _outstanding.RemoveAt(0);
            _outstanding.Add((challenge.Nonce, _time.GetTimestamp()));
        }
        return challenge;
    }

    /// <summary>Takes the challenge a signed command answers: null when it was fresh, else why not.</summary>
    public string? Take(string nonce)
    {
        lock (_gate)
        {
            var index = _outstanding.FindIndex(c => c.Nonce == nonce);
            if (index < 0)
                return _used.Contains(nonce)
                    ? "replayed command: its challenge was already used"
                    : "replayed command: its challenge is unknown to this terminal (never issued, superseded, long expired or issued before a restart)";
            var issued = _outstanding[index].Issued;
            _outstanding.RemoveAt(index);
            Remember(nonce);
            return Expired(issued) ? $"stale command: its challenge expired ({Lifetime.TotalSeconds:0} s after it was issued)" : null;
        }
    }

    private bool Expired(long issued) => _time.GetElapsedTime(issued) > Lifetime;

    private void Remember(string nonce)
    {
        _used.Enqueue(nonce);
        if (_used.Count > UsedRemembered) _used.Dequeue();
    }
}
