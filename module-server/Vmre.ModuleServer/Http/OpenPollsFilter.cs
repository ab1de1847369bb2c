using Vmre.ModuleServer.Polls;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// The polls-open guard, written once (issue 7, point 6) and applied to the endpoint groups that
/// need open polls: check-in and redemption (brief section 2.5, rules.md R4). The request holds a
/// <see cref="PollsPass"/> while its endpoint runs, so closing cannot commit under it. When the
/// polls are not open, the endpoint's <see cref="WhenPollsShut"/> says no in its own protocol.
/// </summary>
public sealed class OpenPollsFilter(PollsGate gate) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        using var pass = await gate.Enter(http.RequestAborted);
        if (pass.Refusal is null) return await next(context);
        var answer = http.GetEndpoint()?.Metadata.GetMetadata<WhenPollsShut>()
            ?? throw new InvalidOperationException($"{http.Request.Path} needs open polls but says no refusal (WhenPollsShut)");
        return await answer.Say(http, pass.Refusal);
    }
}
