using System.Text.Json;
using Vmre.Common.Serialization;

namespace Vmre.Common.Logging;

/// <summary>Anyone can re-check a log (brief section 2.6): every line's hash and its link to the previous line.</summary>
public static class EventLogVerifier
{
    public sealed record Chain(long Count, string Head);

    public static Parsed<Chain> VerifyFile(string path) =>
        File.Exists(path)
            ? VerifyLines(ReadLines(path))
            : Parsed<Chain>.Fail($"log not found: {path}");

    public static Parsed<Chain> VerifyLines(IReadOnlyList<string> lines) => VerifyLines(lines, 0, lines.Count, EventLog.Genesis);

    /// <summary>The non-empty lines of a log file (the caller has checked it exists).</summary>
    internal static string[] ReadLines(string path) => File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();

    /// <summary>A line split into its body (the entry without its hash) and its hash; false when it has no hash field at the end.</summary>
    internal static bool TrySplit(string line, out string body, out string hash)
    {
        const string marker = ",\"hash\":\"";
        var at = line.LastIndexOf(marker, StringComparison.Ordinal);
        if (at < 0 || !line.EndsWith("\"}", StringComparison.Ordinal))
        {
            body = hash = "";
            return false;
        }
        hash = line[(at + marker.Length)..^2];
        body = line[..at] + "}";
        return true;
    }

    /// <summary>
    /// Lines [from, to) chained on from <paramref name="prev"/>, the head of the first <paramref name="from"/> lines:
    /// line numbers in reasons count from the start of the log, so verifying a log in two
    /// ranges gives the reasons verifying it whole would.
    /// </summary>
    internal static Parsed<Chain> VerifyLines(IReadOnlyList<string> lines, int from, int to, string prev)
    {
        for (var i = from; i < to; i++)
        {
            if (!TrySplit(lines[i], out var body, out var hash))
                return Parsed<Chain>.Fail($"line {i + 1}: no hash field at the end");
            LogEntry? entry;
            try { entry = JsonSerializer.Deserialize<LogEntry>(body, VmreJson.Options); }
            catch (JsonException e) { return Parsed<Chain>.Fail($"line {i + 1}: malformed entry ({e.Message})"); }
            if (entry is null) return Parsed<Chain>.Fail($"line {i + 1}: empty entry");
            if (entry.Seq != i + 1) return Parsed<Chain>.Fail($"line {i + 1}: sequence {entry.Seq}, expected {i + 1}");
            if (entry.Prev != prev) return Parsed<Chain>.Fail($"line {i + 1}: previous-hash link broken");
            if (EventLog.HashOf(prev, body) != hash) return Parsed<Chain>.Fail($"line {i + 1}: hash does not match content");
            prev = hash;
        }
        return Parsed<Chain>.Ok(new Chain(to, prev));
    }
}
