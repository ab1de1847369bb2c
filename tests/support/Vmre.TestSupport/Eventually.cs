namespace Vmre.TestSupport;

/// <summary>
/// A bounded wait for a condition, polled: how a test waits for a step that runs on another
/// thread or process (a GPIO signal's step, a log line, a lamp). Never a sleep that proves
/// nothing happened (tests/README.md); the caller asserts on what it waited for.
/// </summary>
public static class Eventually
{
    public static async Task<bool> Holds(Func<bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }
}
