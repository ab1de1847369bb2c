namespace Vmre.Common.Serialization;

/// <summary>
/// The result of parsing or verifying something received: either a value or the specific
/// reason it was refused. Expected failures are values the caller must handle.
/// </summary>
public sealed record Parsed<T>(T? Value, string? Error)
{
    public bool IsOk => Error is null;

    public static Parsed<T> Ok(T value) => new(value, null);
    public static Parsed<T> Fail(string reason) => new(default, reason);

    public T ValueOrThrow() => IsOk ? Value! : throw new InvalidDataException(Error);

    public Parsed<TOut> Then<TOut>(Func<T, Parsed<TOut>> next) => IsOk ? next(Value!) : Parsed<TOut>.Fail(Error!);
}
