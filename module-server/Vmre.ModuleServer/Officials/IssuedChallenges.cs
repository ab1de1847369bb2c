using System.Security.Cryptography;
using Vmre.Common.Cards;

namespace Vmre.ModuleServer.Officials;

/// <summary>
/// Challenges the server issued for desk cards (issue 11 design §1, §3): each is taken once, only
/// within a minute and only by the place (kiosk or console) it was issued to, so a recorded card
/// answer is worthless. Ids are random (OS CSPRNG), 32 hex characters. Each place holds at most
/// <see cref="PerPlace"/> outstanding; its own oldest goes first (review finding 4): a flood from
/// one reader peer can only evict its own challenges, never another console's, and each issue or
/// take costs O(1).
/// </summary>
public sealed class IssuedChallenges(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    public const int PerPlace = 256;
    private readonly object _gate = new();
    private readonly Dictionary<string, (CardChallenge Challenge, DateTimeOffset Issued, LinkedListNode<string> Node, DeskPlace Place)> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<DeskPlace, LinkedList<string>> _byPlace = new();

    public (string Id, CardChallenge Challenge) Issue(DeskPlace place)
    {
        var now = time.GetUtcNow();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var challenge = CardChallenge.New();
        lock (_gate)
        {
            if (!_byPlace.TryGetValue(place, out var queue)) _byPlace[place] = queue = new LinkedList<string>();
            // Oldest first: stale ones, then (at the quota) this place's own oldest.
            while (queue.First is { } oldest && (queue.Count >= PerPlace || now - _byId[oldest.Value].Issued > Lifetime))
            {
                _byId.Remove(oldest.Value);
                queue.RemoveFirst();
            }
            _byId[id] = (challenge, now, queue.AddLast(id), place);
        }
        return (id, challenge);
    }

    /// <summary>The challenge of that id issued to that place, removed so it never serves again; null if unknown, used, another place's or older than a minute.</summary>
    public CardChallenge? Take(string? id, DeskPlace place)
    {
        if (id is null) return null;
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var issued) || issued.Place != place) return null;
            _byId.Remove(id);
            var queue = _byPlace[place];
            queue.Remove(issued.Node);
            if (queue.Count == 0) _byPlace.Remove(place);
            return time.GetUtcNow() - issued.Issued <= Lifetime ? issued.Challenge : null;
        }
    }
}
