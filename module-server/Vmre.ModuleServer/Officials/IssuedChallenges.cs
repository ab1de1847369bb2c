using System.Collections.Concurrent;
using System.Security.Cryptography;
using Vmre.Common.Cards;

namespace Vmre.ModuleServer.Officials;

/// <summary>
/// Challenges the server issued to LAN desk consoles (issue 11 design §1, §3): each is taken
/// once and only within a minute, so a recorded card answer is worthless. Ids are random
/// (OS CSPRNG), 32 hex characters. Stale ones are swept on every issue, so the table stays small.
/// </summary>
public sealed class IssuedChallenges(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private const int MaxOutstanding = 1024;
    private readonly ConcurrentDictionary<string, (CardChallenge Challenge, DateTimeOffset Issued)> _byId = new(StringComparer.Ordinal);

    public (string Id, CardChallenge Challenge) Issue()
    {
        var now = time.GetUtcNow();
        foreach (var stale in _byId.Where(c => now - c.Value.Issued > Lifetime).Select(c => c.Key).ToList()) _byId.TryRemove(stale, out _);
        // A flood of requests must not grow memory without bound: the oldest go first.
        foreach (var oldest in _byId.OrderBy(c => c.Value.Issued).Take(Math.Max(0, _byId.Count - MaxOutstanding + 1)).Select(c => c.Key).ToList())
            _byId.TryRemove(oldest, out _);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var challenge = CardChallenge.New();
        _byId[id] = (challenge, now);
        return (id, challenge);
    }

    /// <summary>The challenge of that id, removed so it never serves again; null if unknown, used or older than a minute.</summary>
    public CardChallenge? Take(string? id) =>
        id is not null && _byId.TryRemove(id, out var issued) && time.GetUtcNow() - issued.Issued <= Lifetime ? issued.Challenge : null;
}
