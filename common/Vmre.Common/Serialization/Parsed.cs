namespace Vmre.Common.Serialization;

/// <summary>
/// The one result type (issue 7): what was parsed, verified or done, or the specific reason it
/// was refused. Expected failures are values the caller must handle. A refusal may say what kind
/// it is (an HTTP surface answers each kind with its status) and may carry a body to show with
/// it (the polls refused, listing each terminal's answer).
/// </summary>
public sealed record Parsed<T>(T? Value, string? Error, RefusalKind Kind = RefusalKind.Invalid)
{
    public bool IsOk => Error is null;

    public static Parsed<T> Ok(T value) => new(value, null);
    public static Parsed<T> Fail(string reason, RefusalKind kind = RefusalKind.Invalid, T? body = default) => new(body, reason, kind);

    public T ValueOrThrow() => IsOk ? Value! : throw new InvalidDataException(Error);

    public Parsed<TOut> Then<TOut>(Func<T, Parsed<TOut>> next) => IsOk ? next(Value!) : Parsed<TOut>.Fail(Error!, Kind);
}
