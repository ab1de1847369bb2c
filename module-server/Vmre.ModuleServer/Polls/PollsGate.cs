using Vmre.Common.Protocol;

namespace Vmre.ModuleServer.Polls;

/// <summary>Why something that needs open polls was refused, said the same way everywhere.</summary>
public static class PollsGate
{
    public static string Reason(PollsState state) => state switch
    {
        PollsState.NotOpen => "polls are not open yet",
        PollsState.Open => "polls are open",
        PollsState.Closed => "polls are closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown polls state"),
    };
}
