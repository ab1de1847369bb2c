using Vmre.ModuleServer.Officials;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// The desk's sign-in check (<see cref="DeskAuthorization"/>) as a filter on the desk's endpoint
/// group, so it runs before the polls-open guard: who asks is settled before what the polls say
/// (rules.md R8). The official is left in the request for the endpoint.
/// </summary>
public sealed class DeskSignInFilter(OfficialSessions sessions) : IEndpointFilter
{
    private const string Key = "vmre.desk-official";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var (official, refusal) = DeskAuthorization.Check(context.HttpContext.Request, sessions);
        if (refusal is not null) return refusal;
        context.HttpContext.Items[Key] = official;
        return await next(context);
    }

    /// <summary>The official this filter let in; only endpoints of its group may ask.</summary>
    public static OfficialIdentity Official(HttpContext http) =>
        http.Items[Key] as OfficialIdentity
        ?? throw new InvalidOperationException($"{http.Request.Path} is not behind {nameof(DeskSignInFilter)}");
}
