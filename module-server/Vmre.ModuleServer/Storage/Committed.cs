namespace Vmre.ModuleServer.Storage;

/// <summary>
/// A desk's answer, or why nothing was written: a state change whose log line or commit could
/// not reach the disk changes nothing and is answered 503 with <see cref="Unwritten"/> (issue 11
/// point 2). An expected failure, so a value, not an exception past the desk.
/// </summary>
public sealed record Committed<T>(T? Answer, string? Unwritten) where T : class
{
    public static Committed<T> Of(T answer) => new(answer, null);

    public static Committed<T> NotWritten(string reason) => new(null, reason);
}
