namespace Vmre.ModuleServer.Officials;

/// <summary>Where a session's card is read: the server's own desk reader (kiosk), or a LAN console's reader.</summary>
public enum DeskCardSource { DeskReader, Console }

/// <summary>
/// One signed-in official at the desk, where their card must stay present (issue 11 design §3),
/// and the place (kiosk or one console) the token was issued at and only works at (review finding 6).
/// </summary>
public sealed class DeskSession(string token, OfficialIdentity official, DeskCardSource card, DeskPlace place, DateTimeOffset now)
{
    public string Token { get; } = token;
    public OfficialIdentity Official { get; } = official;
    public DeskCardSource Card { get; } = card;
    public DeskPlace Place { get; } = place;
    private long _lastSeenTicks = now.UtcTicks;

    public DateTimeOffset LastSeen => new(Interlocked.Read(ref _lastSeenTicks), TimeSpan.Zero);

    public void Seen(DateTimeOffset now) => Interlocked.Exchange(ref _lastSeenTicks, now.UtcTicks);
}
