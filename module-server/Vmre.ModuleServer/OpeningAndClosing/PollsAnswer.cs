using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.OpeningAndClosing;

/// <summary>Why an opening or closing request was not carried out.</summary>
public enum PollsRefusal { None, BadCredential, Locked, Forbidden, Conflict }

/// <summary>
/// The outcome of an opening or closing request, as the one result type (<see cref="Parsed{T}"/>,
/// issue 7): a body to show, a refusal with its kind and reason, or both.
/// </summary>
public static class PollsAnswer
{
    public static Parsed<T> Done<T>(T body) where T : class => Parsed<T>.Ok(body);

    public static Parsed<T> Refused<T>(PollsRefusal refusal, string reason, T? body = null) where T : class =>
        Parsed<T>.Fail(reason, KindOf(refusal), body);

    private static RefusalKind KindOf(PollsRefusal refusal) => refusal switch
    {
        PollsRefusal.BadCredential => RefusalKind.Unauthorized,
        PollsRefusal.Locked => RefusalKind.Locked,
        PollsRefusal.Forbidden => RefusalKind.Forbidden,
        PollsRefusal.Conflict => RefusalKind.Conflict,
        PollsRefusal.None => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "not a refusal"),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "unknown refusal"),
    };
}
