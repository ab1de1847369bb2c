using Vmre.ModuleServer.Officials;

namespace Vmre.ModuleServer.Http;

/// <summary>What a desk endpoint lets a signed-in official do (rules.md R8; issue 11 point 1).</summary>
public enum DeskPermit
{
    /// <summary>Read only: the log and anything naming credentials. Every role, observers included.</summary>
    Read,
    /// <summary>The check-in desk: presidente, secretario, escrutador.</summary>
    Desk,
    /// <summary>Opening and closing the polls: presidente or secretario.</summary>
    OpenAndClose,
    /// <summary>Lifting a PIN lock: the presidente, or a secretario/escrutador approving the presidente's own.</summary>
    Unlock,
}

/// <summary>
/// Desk endpoints need <c>Authorization: Bearer</c> of a live session (issue 11 point 1: idle
/// sessions end) shown at the place it was issued (review finding 6: the kiosk's token is refused
/// on the LAN face and one console's on another), whose desk-reader card is still on the reader
/// (finding 5: reads too, not only state changes), and whose official's role allows the endpoint:
/// technicians never see voters and observers only read (rules.md R8).
/// </summary>
public static class DeskAuthorization
{
    public static (DeskSession? Session, IResult? Refusal) Check(HttpRequest request, OfficialSessions sessions, DeskCards cards, DeskPermit permit = DeskPermit.Desk)
    {
        var bearer = Bearer(request);
        if (bearer is null)
            return (null, HttpJson.Error(StatusCodes.Status401Unauthorized, "sign in: Authorization: Bearer <session token> required"));
        var session = sessions.Live(bearer);
        if (session is null) return (null, HttpJson.Error(StatusCodes.Status401Unauthorized, "unknown or expired session: sign in again with your card"));
        var place = Place(request);
        if (session.Place != place)
        {
            sessions.RefuseElsewhere(session, place);
            return (null, HttpJson.Error(StatusCodes.Status401Unauthorized, "this session belongs to another desk"));
        }
        if (cards.DeskReaderCardGone(session) is { } gone)
        {
            sessions.End(session.Token, "card-removed");
            return (null, HttpJson.Error(StatusCodes.Status401Unauthorized, $"your card must stay on the reader ({gone}): signed out, sign in again"));
        }
        sessions.Seen(session);
        var official = session.Official;
        var allowed = permit switch
        {
            DeskPermit.Read => true,
            DeskPermit.Desk => official.MayRunDesk,
            DeskPermit.OpenAndClose => official.MayOpenAndClose,
            DeskPermit.Unlock => official.Role == Vmre.Common.Module.OfficialRole.Presidente || official.MayApproveUnlock,
            _ => throw new ArgumentOutOfRangeException(nameof(permit), permit, "unknown desk permit"),
        };
        if (!allowed)
            return (null, HttpJson.Error(StatusCodes.Status403Forbidden, $"a {official.Role.ToString().ToLowerInvariant()} may not {What(permit)}"));
        return (session, null);
    }

    private static string What(DeskPermit permit) => permit switch
    {
        DeskPermit.Read => "read",
        DeskPermit.Desk => "use the check-in desk",
        DeskPermit.OpenAndClose => "open or close the polls",
        DeskPermit.Unlock => "lift a PIN lock",
        _ => throw new ArgumentOutOfRangeException(nameof(permit), permit, "unknown desk permit"),
    };

    /// <summary>
    /// The place a request comes from: a LAN request passed <see cref="LanPeerFilter"/>, which named
    /// the console by its certificate; every other desk request is on the kiosk face (loopback).
    /// </summary>
    public static DeskPlace Place(HttpRequest request) =>
        LanPeerFilter.PeerOrNone(request.HttpContext) is { } peer ? DeskPlace.Console(peer.DeviceId) : DeskPlace.Kiosk;

    /// <summary>The session token of <c>Authorization: Bearer</c>, or null when there is none.</summary>
    public static string? Bearer(HttpRequest request)
    {
        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(scheme, StringComparison.Ordinal) && header.Length <= scheme.Length + 128 ? header[scheme.Length..].Trim() : null;
    }
}
