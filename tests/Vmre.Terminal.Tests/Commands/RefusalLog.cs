using System.Text.Json;
using Vmre.Common.Logging;
using Vmre.Common.Serialization;

namespace Vmre.Terminal.Tests.Commands;

/// <summary>The terminal's own log, read back: the reasons of its <c>module-command-refused</c> lines, in order.</summary>
internal static class RefusalLog
{
    public static IReadOnlyList<string> Reasons(string dataDir) => Lines(dataDir, "module-command-refused")
        .Select(e => e.Data!["reason"]).ToArray();

    public static IReadOnlyList<LogEntry> Lines(string dataDir, string evt) =>
        File.ReadAllLines(Path.Combine(dataDir, "events.jsonl"))
            .Select(Entry)
            .Where(e => e.Event == evt).ToArray();

    /// <summary>A line is the entry plus its chain hash; the strict reading (issue 11 point 4) knows no "hash" in an entry.</summary>
    private static LogEntry Entry(string line)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
        node.Remove("hash");
        return node.Deserialize<LogEntry>(VmreJson.Options)!;
    }
}
