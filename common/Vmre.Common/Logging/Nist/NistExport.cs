using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vmre.Common.Serialization;

namespace Vmre.Common.Logging.Nist;

/// <summary>
/// A device's event log (docs/formats/event-log.md) as a NIST SP 1500-101 Election Event Log
/// in JSON (rules.md R7; docs/formats/nist-event-log.md). The hash chain is verified first and
/// a log that does not verify is refused with the verifier's reason: an export never launders
/// a tampered log into a clean-looking document.
/// </summary>
public static class NistExport
{
    public const string Manufacturer = "VMRE";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Device ids a module server writes before its config verified (event-log.md, `device`).</summary>
    private const string UnconfiguredModuleServer = "module-server";

    /// <summary>Read, verify and export the log at <paramref name="logPath"/>.</summary>
    public static Parsed<string> ExportFile(
        string logPath, string deviceId, string deviceType, string? otherType = null,
        string? electionId = null, DateTimeOffset? generatedTime = null)
    {
        if (!File.Exists(logPath)) return Parsed<string>.Fail($"log not found: {logPath}");
        var lines = EventLogVerifier.ReadLines(logPath);
        return Export(lines, deviceId, deviceType, otherType, electionId, generatedTime);
    }

    /// <summary>
    /// Export the lines of one device's log. <paramref name="deviceType"/> is a schema
    /// DeviceType value (<see cref="DeviceTypes.Names"/>); <c>other</c> needs
    /// <paramref name="otherType"/>. <paramref name="generatedTime"/> defaults to now.
    /// </summary>
    public static Parsed<string> Export(
        IReadOnlyList<string> logLines, string deviceId, string deviceType, string? otherType = null,
        string? electionId = null, DateTimeOffset? generatedTime = null) =>
        Build(logLines, deviceId, deviceType, otherType, electionId, generatedTime)
            .Then(log => Parsed<string>.Ok(JsonSerializer.Serialize(log, Json)));

    /// <summary>The CDF document as records, before serialisation.</summary>
    public static Parsed<ElectionEventLog> Build(
        IReadOnlyList<string> logLines, string deviceId, string deviceType, string? otherType = null,
        string? electionId = null, DateTimeOffset? generatedTime = null)
    {
        if (string.IsNullOrWhiteSpace(deviceId)) return Parsed<ElectionEventLog>.Fail("device id is empty");
        if (!DeviceTypes.ByName.TryGetValue(deviceType, out var type))
            return Parsed<ElectionEventLog>.Fail($"unknown device type '{deviceType}' (NIST SP 1500-101 DeviceType: {DeviceTypes.Names})");
        if (type == DeviceType.Other && string.IsNullOrWhiteSpace(otherType))
            return Parsed<ElectionEventLog>.Fail("device type 'other' needs the other type (e.g. hardware-simulator)");
        if (type != DeviceType.Other && otherType is not null)
            return Parsed<ElectionEventLog>.Fail($"an other type is only for device type 'other', not '{deviceType}'");

        var chain = EventLogVerifier.VerifyLines(logLines);
        if (!chain.IsOk) return Parsed<ElectionEventLog>.Fail("event log does not verify: " + chain.Error);

        var events = new List<Event>(logLines.Count);
        for (var i = 0; i < logLines.Count; i++)
        {
            var mapped = Map(i + 1, logLines[i], deviceId);
            if (!mapped.IsOk) return Parsed<ElectionEventLog>.Fail(mapped.Error!);
            events.Add(mapped.Value!);
        }

        var count = chain.Value!.Count;
        var head = chain.Value.Head;
        var device = new Device(
            Id: deviceId,
            Type: type,
            OtherType: type == DeviceType.Other ? otherType : null,
            Manufacturer: Manufacturer,
            Model: null,
            Version: null,
            HashType: HashType.Sha256,
            OtherHashType: null,
            Details: "VMRE hash-chained event log (docs/formats/event-log.md, events.jsonl). "
                     + "Event Hash = lowercase hex SHA-256(previous line's hash + \"\\n\" + line without its hash); "
                     + $"the first line chains to 64 zeros. Chain verified before export: {count} entries, head {head}.",
            Event: events);
        var generated = (generatedTime ?? DateTimeOffset.UtcNow).ToUniversalTime();
        return Parsed<ElectionEventLog>.Ok(new ElectionEventLog(
            GeneratedTime: generated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ElectionId: electionId,
            Details: "Exported by VMRE from a verified events.jsonl. TimeStamp is the module's local time with its UTC offset "
                     + "(the same instant as the line's UTC time, which Details repeats as utc=). "
                     + "Details: k=v pairs separated by \"; \" (\\ ; and line breaks in values escaped with \\).",
            Device: [device]));
    }

    private static Parsed<Event> Map(int lineNo, string line, string deviceId)
    {
        // The verifier already checked the line's shape.
        EventLogVerifier.TrySplit(line, out var body, out var hash);
        LogEntry entry;
        List<KeyValuePair<string, string>> data = [];
        try
        {
            entry = JsonSerializer.Deserialize<LogEntry>(body, VmreJson.Options)!;
            // Data in the order the device wrote it (the dictionary would not promise that).
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object)
                foreach (var p in d.EnumerateObject())
                    data.Add(new(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()));
        }
        catch (JsonException e)
        {
            return Parsed<Event>.Fail($"line {lineNo}: malformed entry ({e.Message})");
        }

        if (entry.Device != deviceId && entry.Device != UnconfiguredModuleServer)
            return Parsed<Event>.Fail($"line {lineNo}: written by device '{entry.Device}', not '{deviceId}' (wrong log or wrong --device?)");
        if (!TryTime(entry.Utc, out var utc) || !entry.Utc.EndsWith('Z'))
            return Parsed<Event>.Fail($"line {lineNo}: utc '{entry.Utc}' is not yyyy-MM-ddTHH:mm:ssZ");
        if (!TryTime(entry.Local, out var local))
            return Parsed<Event>.Fail($"line {lineNo}: local '{entry.Local}' is not yyyy-MM-ddTHH:mm:ss±hh:mm");
        if (utc != local)
            return Parsed<Event>.Fail($"line {lineNo}: local time {entry.Local} is not the same instant as utc {entry.Utc}");

        var details = new List<KeyValuePair<string, string>> { new("utc", entry.Utc) };
        if (entry.Device != deviceId) details.Add(new("device", entry.Device));
        details.AddRange(data);

        var meaning = NistEventCatalog.For(entry.Event);
        return Parsed<Event>.Ok(new Event(
            Id: entry.Event,
            Sequence: entry.Seq.ToString(CultureInfo.InvariantCulture),
            TimeStamp: entry.Local,
            Type: NistEventCatalog.TypeOf(entry.Event, entry.Actor),
            Description: meaning.Description,
            Disposition: meaning.Disposition,
            OtherDisposition: meaning.OtherDisposition,
            Severity: null,
            UserId: entry.Actor is null ? null : entry.Actor.Role + ":" + entry.Actor.Credential,
            Hash: hash,
            Details: DetailsText(details)));
    }

    private static bool TryTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:sszzz"],
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>"k=v; k=v" in order; backslash, ';' and line breaks in keys or values are escaped.</summary>
    public static string DetailsText(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join("; ", pairs.Select(p => Escape(p.Key) + "=" + Escape(p.Value)));

    private static string Escape(string s) =>
        s.Replace("\\", "\\\\").Replace(";", "\\;").Replace("\r", "\\r").Replace("\n", "\\n");
}
