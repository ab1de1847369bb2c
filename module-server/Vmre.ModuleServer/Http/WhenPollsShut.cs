namespace Vmre.ModuleServer.Http;

/// <summary>
/// Endpoint metadata: how an endpoint behind <see cref="OpenPollsFilter"/> answers while the
/// polls are not open — a check-in outcome for the desk, a signed refusal for a terminal — so the
/// wire stays what each side already reads (docs/formats/module-messages.md).
/// </summary>
public sealed record WhenPollsShut(Func<HttpContext, string, Task<IResult>> Say);
