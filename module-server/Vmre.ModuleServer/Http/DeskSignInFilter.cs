using Vmre.Common.Protocol;
using Vmre.ModuleServer.Officials;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// The desk's sign-in check (<see cref="DeskAuthorization"/>) as a filter on an endpoint group, so
/// it runs before the polls-open guard: who asks is settled before what the polls say (rules.md
/// R8). A state-changing endpoint also needs the session's card on the reader now (issue 11
/// point 1): its PRESENCE over a fresh challenge; a card that is gone or another card ends the
/// session (logged, reason card-removed), while a request without a usable proof (unknown or
/// expired challenge, missing header) is refused alone (review finding 4). The session is left in
/// the request for the endpoint.
/// </summary>
public sealed class DeskSignInFilter(OfficialSessions sessions, DeskCards cards, DeskPermit permit, Func<HttpRequest, bool> cardNeeded) : IEndpointFilter
{
    private const string Key = "vmre.desk-session";

    /// <summary>Every endpoint of the group changes state: each needs the card.</summary>
    public static Func<HttpRequest, bool> Always { get; } = _ => true;

    /// <summary>Read-only endpoints: a live session is enough.</summary>
    public static Func<HttpRequest, bool> Never { get; } = _ => false;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var (session, refusal) = DeskAuthorization.Check(request, sessions, cards, permit);
        if (refusal is not null) return refusal;
        if (cardNeeded(request))
        {
            switch (cards.Presence(session!, request.Headers[CardPresenceHeader.Name].FirstOrDefault()))
            {
                case CardPresence.Present:
                    break;
                case CardPresence.Gone gone:
                    sessions.End(session!.Token, "card-removed");
                    return HttpJson.Error(StatusCodes.Status401Unauthorized, $"your card must stay on the reader ({gone.Why}): signed out, sign in again");
                case CardPresence.Unproven unproven:
                    return HttpJson.Error(StatusCodes.Status401Unauthorized, unproven.Why);
                case var other:
                    throw new InvalidOperationException($"unknown card presence {other}");
            }
        }
        context.HttpContext.Items[Key] = session;
        return await next(context);
    }

    /// <summary>The official this filter let in; only endpoints of its group may ask.</summary>
    public static OfficialIdentity Official(HttpContext http) =>
        (http.Items[Key] as DeskSession)?.Official
        ?? throw new InvalidOperationException($"{http.Request.Path} is not behind {nameof(DeskSignInFilter)}");
}
