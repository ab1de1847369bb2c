using System.Globalization;

namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>What a watcher in the room saw of one voter: when they checked in at the desk and which terminal they went to.</summary>
public sealed record Sighting(string Voter, DateTimeOffset CheckIn, string Terminal)
{
    /// <summary>The simulator's watcher notes (hardware-sim Voters/RoomWatcher.cs): clave, UTC, terminal, tab-separated.</summary>
    public static IReadOnlyList<Sighting> ReadNotes(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(f => new Sighting(
            f[0], DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), f[2])).ToList();
}
