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

    public DeskSession Start(OfficialIdentity official, DeskCardSource card, DeskPlace place)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var session = new DeskSession(token, official, card, place, time.GetUtcNow());
        _byToken[token] = session;
        log.Append("official-signed-in", official.Actor, new()
        {
            ["card"] = card == DeskCardSource.DeskReader ? "desk-reader" : "console-reader",
            ["place"] = place.ToString(),
        });
        return session;
    }

    /// <summary>
    /// Whether that credential has a live session on the server's own desk reader: its card is (or
    /// was just) on the reader, and a PIN typed at the kiosk must not reach it (review finding 8).
    /// </summary>
    public bool SignedInAtDeskReader(string credentialId)
    {
        var now = time.GetUtcNow();
        return _byToken.Values.Any(s => s.Card == DeskCardSource.DeskReader && s.Official.CredentialId == credentialId && now - s.LastSeen <= idle);
    }

    /// <summary>A token shown somewhere other than where it was issued: refused and logged, the session itself left alone (review finding 6).</summary>
    public void RefuseElsewhere(DeskSession session, DeskPlace place) =>
        log.Append("official-session-refused", session.Official.Actor, new()
        {
            ["reason"] = "this session belongs to another desk",
            ["issuedAt"] = session.Place.ToString(),
            ["shownAt"] = place.ToString(),
        });

    /// <summary>End a desk session: the token stops working at once (not only in the browser).</summary>
    public DeskSession? End(string? bearer, string reason)
    {
        if (bearer is null || !_byToken.TryRemove(bearer, out var session)) return null;
        log.Append("official-signed-out", session.Official.Actor, new() { ["reason"] = reason });
        return session;
    }

    /// <summary>
    /// The live session of that token, not yet marked as seen (the caller checks place and card
    /// first, so a refused request does not keep a session alive); an idle one is ended (logged,
    /// reason idle) and not returned.
    /// </summary>
    public DeskSession? Live(string? bearer)
    {
        if (bearer is null || !_byToken.TryGetValue(bearer, out var session)) return null;
        if (time.GetUtcNow() - session.LastSeen > idle)
        {
            End(bearer, "idle");
            return null;
        }
        return session;
    }

    /// <summary>An accepted request: the idle time starts again.</summary>
    public void Seen(DeskSession session) => session.Seen(time.GetUtcNow());
}
