namespace Vmre.Terminal.Session;

/// <summary>The answer to a voter or official action: done, or refused with a reason they can read.</summary>
public sealed record BoothResult<T>(T? Value, string? Refusal)
{
    public bool Ok => Refusal is null;
    public static BoothResult<T> Done(T value) => new(value, null);
    public static BoothResult<T> Refused(string reason) => new(default, reason);
}
