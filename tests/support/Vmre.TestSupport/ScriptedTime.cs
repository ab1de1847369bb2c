namespace Vmre.TestSupport;

/// <summary>
/// A <see cref="TimeProvider"/> whose "now" is whatever the test's function says at each
/// reading: a fixed instant, one that ticks a second per reading, or a queue of golden times.
/// </summary>
public sealed class ScriptedTime(Func<DateTimeOffset> now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now().ToUniversalTime();
}
