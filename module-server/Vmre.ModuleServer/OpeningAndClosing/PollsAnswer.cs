namespace Vmre.ModuleServer.OpeningAndClosing;

/// <summary>Why an opening or closing request was not carried out.</summary>
public enum PollsRefusal { None, BadCredential, Locked, Forbidden, Conflict }

/// <summary>The outcome of an opening or closing request: a body to show, a refusal with its reason, or both.</summary>
public sealed record PollsAnswer<T>(PollsRefusal Refusal, T? Body, string? Reason) where T : class
{
    public static PollsAnswer<T> Done(T body) => new(PollsRefusal.None, body, null);
    public static PollsAnswer<T> Refused(PollsRefusal refusal, string reason, T? body = null) => new(refusal, body, reason);
}
