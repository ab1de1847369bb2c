using System.Text.Json;

namespace Vmre.Simulator.Intruder;

/// <summary>
/// A target device's hash-chained event log (events.jsonl), read as an auditor would: each of the
/// intruder's attempts must leave its refusal there with a specific reason (rules.md R7).
/// </summary>
public sealed class TargetLog(string device, string eventsPath)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private int _seen;

    public string Device { get; } = device;

    /// <summary>Remembers how far the log goes, so the next refusal found is the attempt's own.</summary>
    public void Mark() => _seen = Lines().Count;

    /// <summary>The reason of the first <paramref name="kind"/> line written since <see cref="Mark"/>, or null if none came (bounded wait: the line is written as the refusal happens).</summary>
    public async Task<string?> RefusalSinceMark(string kind)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            var reason = Lines().Skip(_seen).Select(l => ReasonOf(l, kind)).FirstOrDefault(r => r is not null);
            if (reason is not null || DateTime.UtcNow > deadline) return reason;
            await Task.Delay(100);
        }
    }

    /// <summary>"<paramref name="device"/> logged KIND: reason", or that it did not.</summary>
    public async Task<(bool Logged, string Words)> Logged(string kind)
    {
        var reason = await RefusalSinceMark(kind);
        return reason is null ? (false, $"NOT logged by {Device}") : (true, $"{Device} logged {kind}: \"{reason}\"");
    }

    private List<string> Lines()
    {
        using var stream = new FileStream(eventsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    /// <summary>A line still being written does not parse yet: it is read on the next pass.</summary>
    private static string? ReasonOf(string line, string kind)
    {
        if (!line.Contains($"\"{kind}\"", StringComparison.Ordinal)) return null;
        try
        {
            var root = JsonDocument.Parse(line).RootElement;
            return root.TryGetProperty("data", out var data) && data.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : "";
        }
        catch (JsonException) { return null; }
    }
}
