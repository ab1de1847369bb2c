using Vmre.Simulator.Election;

namespace Vmre.Simulator.Voters;

/// <summary>
/// What a person watching the room sees (issue 9 point 6): who came to the desk at what time and
/// which terminal they walked to. The module publishes none of it; the simulator writes it, one
/// line per voter (clave, UTC to the millisecond, terminal; tab-separated), to
/// <see cref="SimulationOptions.WatcherFile"/> when set, a file outside the published folder,
/// so that the secrecy test's observer can hold it beside what is published.
/// </summary>
public static class RoomWatcher
{
    public static void Sees(SimulationOptions options, SimulatedVoter voter, string terminalId)
    {
        if (options.WatcherFile is not { } file) return;
        File.AppendAllText(file, $"{voter.Person.Clave}\t{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}\t{terminalId}\n");
    }
}
