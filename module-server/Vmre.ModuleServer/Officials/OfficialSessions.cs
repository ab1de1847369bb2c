using System.Collections.Concurrent;
using System.Security.Cryptography;
using Vmre.Common.Logging;

namespace Vmre.ModuleServer.Officials;

/// <summary>
/// Desk sessions: a random bearer token (OS CSPRNG, rules.md R3) per signed-in official, held
/// only in memory so a restart signs everyone out. A session ends after <see cref="Idle"/>
/// without a request (issue 11 point 1, default 10 minutes) and when its card is gone; each end
/// is logged with its reason.
/// </summary>
public sealed class OfficialSessions(TimeProvider time, TimeSpan idle, EventLog log)
{
    public static readonly TimeSpan DefaultIdle = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, DeskSession> _byToken = new(StringComparer.Ordinal);

    public TimeSpan Idle => idle;

    public DeskSession Start(OfficialIdentity official, DeskCardSource card)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var session = new DeskSession(token, official, card, time.GetUtcNow());
        _byToken[token] = session;
        log.Append("official-signed-in", official.Actor, new() { ["card"] = card == DeskCardSource.DeskReader ? "desk-reader" : "console-reader" });
        return session;
    }

    /// <summary>End a desk session: the token stops working at once (not only in the browser).</summary>
    public DeskSession? End(string? bearer, string reason)
    {
        if (bearer is null || !_byToken.TryRemove(bearer, out var session)) return null;
        log.Append("official-signed-out", session.Official.Actor, new() { ["reason"] = reason });
        return session;
    }

    /// <summary>The live session of that token, marked as seen now; an idle one is ended (logged, reason idle) and not returned.</summary>
    public DeskSession? Resolve(string? bearer)
    {
        if (bearer is null || !_byToken.TryGetValue(bearer, out var session)) return null;
        var now = time.GetUtcNow();
        if (now - session.LastSeen > idle)
        {
            End(bearer, "idle");
            return null;
        }
        session.Seen(now);
        return session;
    }
}
