using System.Text.Json;
using Vmre.Common.Serialization;

namespace Vmre.Common.Logging;

/// <summary>Anyone can re-check a log (brief section 2.6): every line's hash and its link to the previous line.</summary>
public static class EventLogVerifier
{
    public sealed record Chain(long Count, string Head);

    public static Parsed<Chain> VerifyFile(string path) =>
        File.Exists(path)
            ? VerifyLines(File.ReadAllLines(path).Where(l => l.Length > 0).ToArray())
            : Parsed<Chain>.Fail($"log not found: {path}");

    public static Parsed<Chain> VerifyLines(IReadOnlyList<string> lines)
    {
        var prev = EventLog.Genesis;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            const string marker = ",\"hash\":\"";
            var at = line.LastIndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !line.EndsWith("\"}", StringComparison.Ordinal))
                return Parsed<Chain>.Fail($"line {i + 1}: no hash field at the end");
            var hash = line[(at + marker.Length)..^2];
            var body = line[..at] + "}";
            LogEntry? entry;
            try { entry = JsonSerializer.Deserialize<LogEntry>(body, VmreJson.Options); }
            catch (JsonException e) { return Parsed<Chain>.Fail($"line {i + 1}: malformed entry ({e.Message})"); }
            if (entry is null) return Parsed<Chain>.Fail($"line {i + 1}: empty entry");
            if (entry.Seq != i + 1) return Parsed<Chain>.Fail($"line {i + 1}: sequence {entry.Seq}, expected {i + 1}");
            if (entry.Prev != prev) return Parsed<Chain>.Fail($"line {i + 1}: previous-hash link broken");
            if (EventLog.HashOf(prev, body) != hash) return Parsed<Chain>.Fail($"line {i + 1}: hash does not match content");
            prev = hash;
        }
        return Parsed<Chain>.Ok(new Chain(lines.Count, prev));
    }
}
