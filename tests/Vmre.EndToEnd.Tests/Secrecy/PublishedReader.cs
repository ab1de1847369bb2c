using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>
/// Reads every published file the same way whatever its format version (issue 9 point 6, robust
/// to the formats changing under it): a JSON document, JSON lines, or text. In JSON, every object
/// with a date-time field of its own is a record, and so is every object in an array (an event, a
/// list entry: it has the time of the record it is in unless it has its own); other objects under a
/// record (its data) belong to it. A base64 string that decodes to JSON (a signed document's payload)
/// is read as JSON in place.
/// Every object with a contestId and lines of key and count is a tally cell.
/// </summary>
public sealed partial class PublishedReader(IReadOnlySet<string> terminals)
{
    public List<PublishedRecord> Records { get; } = [];
    public List<TallyCell> Cells { get; } = [];

    public void Read(PublishedFile file)
    {
        var text = Encoding.UTF8.GetString(file.Bytes);
        var fileTerminal = terminals.Contains(file.Device) ? file.Device : null;
        if (Json(text) is { } document) { Top(file, document.RootElement, fileTerminal); return; }
        foreach (var line in text.Split('\n'))
        {
            if (Json(line) is { } json) { Top(file, json.RootElement, fileTerminal); continue; }
            var record = new Gathering(file.RelativePath, TimeIn(line), fileTerminal);
            record.AddText(line, terminals);
            Records.Add(record.ToRecord());
        }
    }

    private void Top(PublishedFile file, JsonElement root, string? fileTerminal)
    {
        var top = new Gathering(file.RelativePath, null, fileTerminal);
        Value(root, top, fileTerminal, null);
        Records.Add(top.ToRecord());
    }

    private void Value(JsonElement value, Gathering into, string? terminal, DateTimeOffset? hour)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object: Object(value, into, terminal, hour, item: false); break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object) Object(item, into, terminal, hour, item: true);
                    else Value(item, into, terminal, hour);
                break;
            case JsonValueKind.String:
                var s = value.GetString()!;
                into.AddText(s, terminals);
                if (Payload(s) is { } decoded) Value(decoded.RootElement, into, terminal, hour);
                break;
            default: into.AddText(value.GetRawText(), terminals); break;
        }
    }

    private void Object(JsonElement obj, Gathering parent, string? terminal, DateTimeOffset? hour, bool item)
    {
        var own = obj.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => (p.Name, Value: p.Value.GetString()!)).ToList();
        terminal = own.Select(p => p.Value).FirstOrDefault(terminals.Contains) ?? terminal;
        hour = own.Where(p => p.Name.Equals("hour", StringComparison.OrdinalIgnoreCase)).Select(p => TimeIn(p.Value)).FirstOrDefault() ?? hour;
        var time = own.Select(p => TimeIn(p.Value)).FirstOrDefault(t => t is not null);
        var into = time is null && !item ? parent : new Gathering(parent.File, time ?? parent.Time, terminal);
        // A line of counts (a key beside a number) is a total, never one ballot's record.
        if (own.Any(p => p.Name == "key") && obj.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Number)) into.IsCount = true;
        foreach (var p in obj.EnumerateObject())
        {
            into.AddText(p.Name, terminals);
            Value(p.Value, into, terminal, hour);
        }
        if (Cell(obj, terminal, hour) is { } cell) Cells.Add(cell);
        if (into != parent) Records.Add(into.ToRecord());
    }

    private static TallyCell? Cell(JsonElement obj, string? terminal, DateTimeOffset? hour)
    {
        if (!obj.TryGetProperty("contestId", out var contest) || contest.ValueKind != JsonValueKind.String
            || !obj.TryGetProperty("lines", out var lines) || lines.ValueKind != JsonValueKind.Array) return null;
        var counted = new List<(string, int)>();
        foreach (var line in lines.EnumerateArray())
        {
            if (line.ValueKind != JsonValueKind.Object || !line.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String) return null;
            var count = line.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Select(p => p.Value.TryGetInt32(out var n) ? n : 0).FirstOrDefault();
            counted.Add((key.GetString()!, count));
        }
        return counted.Count == 0 ? null : new TallyCell(contest.GetString()!, terminal, hour, counted);
    }

    private static JsonDocument? Json(string text)
    {
        var t = text.TrimStart();
        if (t.Length == 0 || (t[0] != '{' && t[0] != '[')) return null;
        try { return JsonDocument.Parse(text); } catch (JsonException) { return null; }
    }

    private static JsonDocument? Payload(string s)
    {
        if (s.Length < 16 || !Base64().IsMatch(s)) return null;
        var bytes = new byte[s.Length];
        return Convert.TryFromBase64String(s, bytes, out var n) ? Json(Encoding.UTF8.GetString(bytes, 0, n)) : null;
    }

    /// <summary>A date and time anywhere in the text (ISO 8601 with a time of day), as an instant.</summary>
    public static DateTimeOffset? TimeIn(string text)
    {
        var m = IsoTime().Match(text);
        if (!m.Success) return null;
        return DateTimeOffset.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"^[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex Base64();
}
