using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>
/// A module written by the test, for the controls (issue 9 point 6: the observer and the statistic
/// must detect a leak when there is one): voters with drawn selections in one contest, what the
/// watcher saw, each terminal's closing record and the acta as totals, and terminal logs with one
/// timed line per vote whose data the control chooses (nothing, the marks, a testigo id).
/// </summary>
public sealed class SyntheticModule
{
    public const string Contest = "GOB-15";

    private static readonly (string Key, double Weight)[] Options =
    [
        ("PAN", 12), ("PRI", 30), ("PRD", 4), ("NAEM", 3), ("PT", 8), ("PVEM", 6), ("MORENA", 25),
        ("PAN+PRI+PRD+NAEM", 5), ("PT+PVEM+MORENA", 4), ("CNR", 1), ("NULO", 2),
    ];

    private static readonly DateTimeOffset Opening = new(2026, 7, 5, 14, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<TrueSelection> Truth { get; }
    public IReadOnlyList<Sighting> Sightings => Truth.Select(t => t.Voter).ToList();

    public SyntheticModule(int voters, int terminals, int seed)
    {
        var random = new Random(seed);
        Truth = Enumerable.Range(0, voters).Select(i => new TrueSelection(
            new Sighting($"V{i:D4}", Opening.AddSeconds(7 * i + random.NextDouble()), $"T-{1 + i % terminals:D2}"),
            Contest, Draw(random))).ToList();
    }

    /// <summary>Closing records (state/module-server/closing-records/T.signed.json, here unsigned) and the acta.</summary>
    public void WriteTotals(string dir)
    {
        foreach (var terminal in Truth.GroupBy(t => t.Voter.Terminal))
            Write(Path.Combine(dir, "state", "module-server", "closing-records", terminal.Key + ".signed.json"), new JsonObject
            {
                ["terminalId"] = terminal.Key, ["utc"] = Stamp(Truth[^1].Voter.CheckIn.AddMinutes(10)), ["contests"] = Counts(terminal),
            });
        Write(Path.Combine(dir, "acta.json"), new JsonObject { ["utc"] = Stamp(Truth[^1].Voter.CheckIn.AddMinutes(11)), ["contests"] = Counts(Truth) });
    }

    /// <summary>logs/T.jsonl: per vote, a line three seconds after the check-in with the data <paramref name="data"/> gives it.</summary>
    public void WriteLogs(string dir, Func<TrueSelection, JsonObject> data)
    {
        Directory.CreateDirectory(Path.Combine(dir, "logs"));
        foreach (var terminal in Truth.GroupBy(t => t.Voter.Terminal))
            File.WriteAllLines(Path.Combine(dir, "logs", terminal.Key + ".jsonl"), terminal.Select((t, i) => new JsonObject
            {
                ["seq"] = i + 1, ["utc"] = Stamp(t.Voter.CheckIn.AddSeconds(3)), ["device"] = terminal.Key,
                ["event"] = "vote-sealed", ["data"] = data(t),
            }.ToJsonString()));
    }

    public static void Write(string path, JsonNode json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>As the logs write times: UTC to the second.</summary>
    public static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");

    private static JsonArray Counts(IEnumerable<TrueSelection> votes) =>
    [
        new JsonObject
        {
            ["contestId"] = Contest,
            ["lines"] = new JsonArray(Options.Select(o => (JsonNode)new JsonObject { ["key"] = o.Key, ["count"] = votes.Count(v => v.Key == o.Key) }).ToArray()),
        },
    ];

    private static string Draw(Random random)
    {
        var roll = random.NextDouble() * Options.Sum(o => o.Weight);
        foreach (var (key, weight) in Options)
            if ((roll -= weight) < 0) return key;
        return Options[^1].Key;
    }
}
