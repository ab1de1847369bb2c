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
/// sessions end) whose official's role allows the endpoint: technicians never see voters and
/// observers only read (rules.md R8).
/// </summary>
public static class DeskAuthorization
{
    public static (DeskSession? Session, IResult? Refusal) Check(HttpRequest request, OfficialSessions sessions, DeskPermit permit = DeskPermit.Desk)
    {
        var bearer = Bearer(request);
        if (bearer is null)
            return (null, HttpJson.Error(StatusCodes.Status401Unauthorized, "sign in: Authorization: Bearer <session token> required"));
        var session = sessions.Resolve(bearer);
        if (session is null) return (null, HttpJson.Error(StatusCodes.Status401Unauthorized, "unknown or expired session: sign in again with your card"));
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

    /// <summary>The session token of <c>Authorization: Bearer</c>, or null when there is none.</summary>
    public static string? Bearer(HttpRequest request)
    {
        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(scheme, StringComparison.Ordinal) && header.Length <= scheme.Length + 128 ? header[scheme.Length..].Trim() : null;
    }
}
