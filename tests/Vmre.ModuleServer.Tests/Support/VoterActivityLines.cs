using System.Text.Json;
using Vmre.Common.Logging;

namespace Vmre.ModuleServer.Tests.Support;

/// <summary>
/// Reading the voter-activity lines of a server's events.jsonl (issue 9 point 3): the counts an
/// actor's lines add up to, over every hour.
/// </summary>
public static class VoterActivityLines
{
    /// <summary>Sum of each <c>event[:detail]</c> count on the voter-activity lines of <paramref name="credential"/> (null: all actors).</summary>
    public static Dictionary<string, int> Counts(IEnumerable<string> lines, string? credential = null)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("event").GetString() != VoterActivity.Event) continue;
            if (credential is not null && Credential(root) != credential) continue;
            foreach (var p in root.GetProperty("data").EnumerateObject())
                if (p.Name != "hour") counts[p.Name] = counts.GetValueOrDefault(p.Name) + int.Parse(p.Value.GetString()!);
        }
        return counts;
    }

    /// <summary>The module's lines after an orderly stop, which writes every count still unwritten.</summary>
    public static async Task<string[]> AfterStop(TestModule module)
    {
        await module.Stop();
        return module.LogLines();
    }

    private static string? Credential(JsonElement root) =>
        root.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.Object ? a.GetProperty("credential").GetString() : null;
}
