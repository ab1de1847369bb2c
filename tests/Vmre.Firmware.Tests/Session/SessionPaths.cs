using Vmre.Firmware.Session;

namespace Vmre.Firmware.Tests.Session;

/// <summary>Drives a fresh session along an event path, each event required to be allowed.</summary>
public static class SessionPaths
{
    public static VotingSession Drive(params SessionEvent[] events)
    {
        var s = new VotingSession();
        foreach (var e in events) Assert.True(s.Fire(e).Ok, $"{e} in {s.State}");
        return s;
    }
}
