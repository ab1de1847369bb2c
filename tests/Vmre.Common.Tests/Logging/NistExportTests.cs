using System.Text.Json;
using Vmre.Common.Logging;
using Vmre.Common.Logging.Nist;
using Vmre.Common.Tests.Support;

namespace Vmre.Common.Tests.Logging;

/// <summary>
/// docs/formats/nist-event-log.md: a verified VMRE log as a NIST SP 1500-101 Election Event
/// Log (JSON schema NIST_V1_election_event_logging.json). Required fields, the mapping, and a
/// golden export of the 2-line golden log of <see cref="EventLogGoldenTests"/>.
/// </summary>
public class NistExportTests
{
    // The same two lines as EventLogGoldenTests (a fixed Chicago clock).
    private const string Line1 = """{"seq":1,"utc":"2023-06-04T13:58:02Z","local":"2023-06-04T08:58:02-05:00","device":"MRV-CHI","event":"module-server-started","data":{"votersImported":"412","polls":"not-open"},"prev":"0000000000000000000000000000000000000000000000000000000000000000","hash":"c9b4b917911c33bc6a3ea64a832cf1087795fd719c8fefe91442d7f31dc4fe3e"}""";
    private const string Line2 = """{"seq":2,"utc":"2023-06-04T14:00:11Z","local":"2023-06-04T09:00:11-05:00","device":"MRV-CHI","event":"official-pin-accepted","actor":{"role":"presidente","credential":"PRES-01"},"data":{"purpose":"open-polls","outcome":"ok"},"prev":"c9b4b917911c33bc6a3ea64a832cf1087795fd719c8fefe91442d7f31dc4fe3e","hash":"6d843e970c5bb8932039b85b2b434f25a15240e044cdcb892ad2ca4c04431f05"}""";
    private static readonly DateTimeOffset Generated = DateTimeOffset.Parse("2023-06-05T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    // Produced once by NistExport and checked against docs/formats/nist-event-log.md and the
    // schema by hand; a change here is a format change (docs/formats/README.md, versioning rule).
    private static readonly string Golden = """
        {
          "@type": "EventLogging.ElectionEventLog",
          "GeneratedTime": "2023-06-05T02:00:00Z",
          "ElectionId": "PEL-2022-2023-VMRE",
          "Details": "Exported by VMRE from a verified events.jsonl. TimeStamp is the module's local time with its UTC offset (the same instant as the line's UTC time, which Details repeats as utc=). Details: k=v pairs separated by \"; \" (\\ ; and line breaks in values escaped with \\).",
          "Device": [
            {
              "@type": "EventLogging.Device",
              "Id": "MRV-CHI",
              "Type": "dre-controller",
              "Manufacturer": "VMRE",
              "HashType": "sha-256",
              "Details": "VMRE hash-chained event log (docs/formats/event-log.md, events.jsonl). Event Hash = lowercase hex SHA-256(previous line's hash + \"\\n\" + line without its hash); the first line chains to 64 zeros. Chain verified before export: 2 entries, head 6d843e970c5bb8932039b85b2b434f25a15240e044cdcb892ad2ca4c04431f05.",
              "Event": [
                {
                  "@type": "EventLogging.Event",
                  "Id": "module-server-started",
                  "Sequence": "1",
                  "TimeStamp": "2023-06-04T08:58:02-05:00",
                  "Type": "device",
                  "Description": "Module server started with verified signed inputs",
                  "Disposition": "success",
                  "Hash": "c9b4b917911c33bc6a3ea64a832cf1087795fd719c8fefe91442d7f31dc4fe3e",
                  "Details": "utc=2023-06-04T13:58:02Z; votersImported=412; polls=not-open"
                },
                {
                  "@type": "EventLogging.Event",
                  "Id": "official-pin-accepted",
                  "Sequence": "2",
                  "TimeStamp": "2023-06-04T09:00:11-05:00",
                  "Type": "official-action",
                  "Description": "Official's credential and PIN accepted",
                  "Disposition": "success",
                  "UserId": "presidente:PRES-01",
                  "Hash": "6d843e970c5bb8932039b85b2b434f25a15240e044cdcb892ad2ca4c04431f05",
                  "Details": "utc=2023-06-04T14:00:11Z; purpose=open-polls; outcome=ok"
                }
              ]
            }
          ]
        }
        """.ReplaceLineEndings("\n");

    [Fact]
    public void Golden_log_exports_to_the_committed_json()
    {
        var json = NistExport.Export([Line1, Line2], "MRV-CHI", "dre-controller", electionId: "PEL-2022-2023-VMRE", generatedTime: Generated);
        Assert.True(json.IsOk, json.Error);
        Assert.Equal(Golden, json.Value);
    }

    private static string[] SampleLog(TempDir dir)
    {
        var path = dir.File("events.jsonl");
        using (var log = new EventLog(path, "T-CHI-01", FixedClock.Ticking("2023-06-04T13:00:00Z")))
        {
            log.Append("terminal-started", null, new() { ["software"] = "ab12", ["package"] = "cd34" });
            log.Append("activation-redeemed", Actor.Voter, new() { ["ballotStyle"] = "05" });
            log.Append("testigo-print-failed", null, new() { ["condition"] = "Jammed", ["reason"] = "paper jam; retry" });
            log.Append("activation-refused", new Actor("terminal", "T-CHI-01"), new() { ["reason"] = "activation already used" });
            log.Append("polls-open-requested", new Actor("presidente", "PRES-01"));
            log.Append("log-recovered", null, new() { ["truncatedBytes"] = "17" });
        }
        return File.ReadAllLines(path);
    }

    private static JsonElement Root(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Export_has_the_schemas_required_fields_and_enumerations()
    {
        using var dir = new TempDir();
        var lines = SampleLog(dir);
        var json = NistExport.Export(lines, "T-CHI-01", "electronic-cast-paper");
        Assert.True(json.IsOk, json.Error);
        var root = Root(json.Value!);
        Assert.Equal("EventLogging.ElectionEventLog", root.GetProperty("@type").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("GeneratedTime").GetString(), out _));
        var device = Assert.Single(root.GetProperty("Device").EnumerateArray());
        Assert.Equal("EventLogging.Device", device.GetProperty("@type").GetString());
        Assert.Equal("T-CHI-01", device.GetProperty("Id").GetString());
        Assert.Equal("electronic-cast-paper", device.GetProperty("Type").GetString());
        Assert.Equal("sha-256", device.GetProperty("HashType").GetString());
        var events = device.GetProperty("Event").EnumerateArray().ToArray();
        Assert.Equal(lines.Length, events.Length);
        var allowed = new HashSet<string> { "@type", "Description", "Details", "Disposition", "Hash", "Id", "OtherDisposition", "Sequence", "Severity", "TimeStamp", "Type", "UserId" };
        foreach (var e in events)
        {
            Assert.Equal("EventLogging.Event", e.GetProperty("@type").GetString());
            foreach (var required in new[] { "Disposition", "Id", "Sequence", "TimeStamp", "Type" })
                Assert.Equal(JsonValueKind.String, e.GetProperty(required).ValueKind);
            Assert.Contains(e.GetProperty("Disposition").GetString(), new[] { "success", "failure", "na", "other" });
            Assert.All(e.EnumerateObject(), p => Assert.Contains(p.Name, allowed)); // additionalProperties: false
            Assert.Matches("^[0-9a-f]{64}$", e.GetProperty("Hash").GetString()!);
        }
        Assert.Equal(["1", "2", "3", "4", "5", "6"], events.Select(e => e.GetProperty("Sequence").GetString()!));
        Assert.Equal(["terminal-started", "activation-redeemed", "testigo-print-failed", "activation-refused", "polls-open-requested", "log-recovered"],
            events.Select(e => e.GetProperty("Id").GetString()!));
        Assert.Equal(["success", "success", "failure", "failure", "na", "other"], events.Select(e => e.GetProperty("Disposition").GetString()!));
        Assert.Equal("recovered", events[5].GetProperty("OtherDisposition").GetString());
        Assert.Equal(["device", "voter-action", "device", "terminal-request", "official-action", "device"], events.Select(e => e.GetProperty("Type").GetString()!));
        Assert.False(events[0].TryGetProperty("UserId", out _));
        Assert.Equal("voter:-", events[1].GetProperty("UserId").GetString());
        Assert.Equal("terminal:T-CHI-01", events[3].GetProperty("UserId").GetString());
        Assert.Equal("presidente:PRES-01", events[4].GetProperty("UserId").GetString());
        // TimeStamp: the module's local time with its offset (Chicago, CDT), the same instant as utc.
        Assert.Equal("2023-06-04T08:00:01-05:00", events[0].GetProperty("TimeStamp").GetString());
        Assert.StartsWith("utc=2023-06-04T13:00:01Z", events[0].GetProperty("Details").GetString());
        Assert.Equal(EventLogVerifier.VerifyLines(lines).Value!.Head, events[^1].GetProperty("Hash").GetString());
    }

    [Fact]
    public void Data_values_appear_in_details()
    {
        using var dir = new TempDir();
        var events = Root(NistExport.Export(SampleLog(dir), "T-CHI-01", "electronic-cast-paper").ValueOrThrow())
            .GetProperty("Device")[0].GetProperty("Event");
        Assert.Equal("utc=2023-06-04T13:00:01Z; software=ab12; package=cd34", events[0].GetProperty("Details").GetString());
        Assert.Equal(@"utc=2023-06-04T13:00:03Z; condition=Jammed; reason=paper jam\; retry", events[2].GetProperty("Details").GetString());
        Assert.Equal("utc=2023-06-04T13:00:04Z; reason=activation already used", events[3].GetProperty("Details").GetString());
    }

    [Fact]
    public void Tampered_log_is_refused_with_the_verifiers_reason()
    {
        using var dir = new TempDir();
        var lines = SampleLog(dir);
        lines[2] = lines[2].Replace("Jammed", "Ready");
        var json = NistExport.Export(lines, "T-CHI-01", "electronic-cast-paper");
        Assert.False(json.IsOk);
        Assert.Equal("event log does not verify: line 3: hash does not match content", json.Error);

        var dropped = SampleLog(dir).Where((_, i) => i != 1).ToArray();
        Assert.Contains("line 2", NistExport.Export(dropped, "T-CHI-01", "electronic-cast-paper").Error);
    }

    [Fact]
    public void Wrong_device_or_device_type_is_refused()
    {
        Assert.Contains("written by device 'MRV-CHI', not 'T-CHI-01'", NistExport.Export([Line1, Line2], "T-CHI-01", "electronic-cast-paper").Error);
        Assert.Contains("unknown device type 'urna'", NistExport.Export([Line1, Line2], "MRV-CHI", "urna").Error);
        Assert.Contains("needs the other type", NistExport.Export([Line1, Line2], "MRV-CHI", "other").Error);
        var other = NistExport.Export([Line1, Line2], "MRV-CHI", "other", otherType: "module-server");
        var device = Root(other.ValueOrThrow()).GetProperty("Device")[0];
        Assert.Equal("other", device.GetProperty("Type").GetString());
        Assert.Equal("module-server", device.GetProperty("OtherType").GetString());
    }

    [Fact]
    public void Export_file_reads_the_log_and_refuses_a_missing_one()
    {
        using var dir = new TempDir();
        SampleLog(dir);
        Assert.True(NistExport.ExportFile(dir.File("events.jsonl"), "T-CHI-01", "bmd").IsOk);
        Assert.StartsWith("log not found", NistExport.ExportFile(dir.File("nope.jsonl"), "T-CHI-01", "bmd").Error);
    }

    [Fact]
    public void A_voter_activity_line_exports_as_voters_counts_under_whoever_it_is_kept()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        var time = new ScriptedTime(() => DateTimeOffset.Parse("2023-06-04T15:00:41Z", System.Globalization.CultureInfo.InvariantCulture));
        using (var log = new EventLog(path, "MRV-CHI", new Vmre.Common.Time.ModuleClock(FixedClock.Chicago, time)))
        using (var activity = new VoterActivity(log, time, tick: false))
            activity.Record("checkin-activated", new Actor("escrutador", "ESC-01"));
        var e = Root(NistExport.ExportFile(path, "MRV-CHI", "dre-controller").ValueOrThrow()).GetProperty("Device")[0].GetProperty("Event")[0];
        Assert.Equal("voter-activity", e.GetProperty("Id").GetString());
        Assert.Equal("voter-action", e.GetProperty("Type").GetString());
        Assert.Equal("na", e.GetProperty("Disposition").GetString());
        Assert.Equal("escrutador:ESC-01", e.GetProperty("UserId").GetString());
        Assert.Equal("utc=2023-06-04T15:00:41Z; hour=2023-06-04T15:00Z; checkin-activated=1", e.GetProperty("Details").GetString());
    }

    [Theory]
    [InlineData("zero-report-not-zero", "failure")]
    [InlineData("printer-jammed", "failure")]
    [InlineData("something-refused", "failure")]
    [InlineData("something-requested", "na")]
    [InlineData("something-printed", "success")]
    [InlineData("something-else", "na")]
    public void Disposition_follows_the_event_name(string evt, string disposition)
    {
        var d = NistEventCatalog.For(evt).Disposition;
        Assert.Equal(disposition, JsonSerializer.Serialize(d).Trim('"'));
    }
}
