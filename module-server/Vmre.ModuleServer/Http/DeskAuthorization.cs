using Vmre.ModuleServer.Officials;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// Desk endpoints need <c>Authorization: Bearer</c> of a signed-in official who may run the
/// desk: technicians never see voters and observers only read (rules.md R8).
/// </summary>
public static class DeskAuthorization
{
    public static (OfficialIdentity? Official, IResult? Refusal) Check(HttpRequest request, OfficialSessions sessions)
    {
        var bearer = Bearer(request);
        if (bearer is null)
            return (null, HttpJson.Error(StatusCodes.Status401Unauthorized, "sign in: Authorization: Bearer <session token> required"));
        var official = sessions.Resolve(bearer);
        if (official is null) return (null, HttpJson.Error(StatusCodes.Status401Unauthorized, "unknown or expired session"));
        if (!official.MayRunDesk)
            return (null, HttpJson.Error(StatusCodes.Status403Forbidden, $"a {official.Role} may not use the check-in desk"));
        return (official, null);
    }

    /// <summary>The session token of <c>Authorization: Bearer</c>, or null when there is none.</summary>
    public static string? Bearer(HttpRequest request)
    {
        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(scheme, StringComparison.Ordinal) ? header[scheme.Length..].Trim() : null;
    }
}
