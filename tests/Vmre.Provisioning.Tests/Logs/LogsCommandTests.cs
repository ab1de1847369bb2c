using System.Text.Json;
using Vmre.Common.Logging;
using Vmre.Common.Time;

namespace Vmre.Provisioning.Tests.Logs;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

/// <summary>`logs export` and `logs verify` (provisioning/README.md; docs/formats/nist-event-log.md).</summary>
public class LogsCommandTests
{
    private static string WriteLog(TempDir dir)
    {
        var path = dir.File("events.jsonl");
        var start = DateTimeOffset.Parse("2023-06-04T13:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        long n = 0;
        var clock = new ModuleClock(TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"), new ScriptedTime(() => start.AddSeconds(++n)));
        using var log = new EventLog(path, "MRV-CHI", clock);
        log.Append("module-server-started", null, new() { ["votersImported"] = "62" });
        log.Append("official-pin-refused", new Actor("presidente", "PRES-01"), new() { ["purpose"] = "open-polls", ["outcome"] = "refused" });
        log.Append("polls-opened", new Actor("presidente", "PRES-01"), new() { ["terminals"] = "2" });
        return path;
    }

    [Fact]
    public void Export_writes_the_nist_file()
    {
        using var dir = new TempDir();
        var log = WriteLog(dir);
        var outPath = dir.File("MRV-CHI.nist.json");
        var run = Cli.Run("logs", "export", "--log", log, "--device", "MRV-CHI", "--device-type", "dre-controller",
            "--election", "PEL-2022-2023-VMRE", "--out", outPath);
        Assert.Equal(0, run.Exit);
        Assert.Contains("wrote " + outPath, run.Out);
        Assert.Contains("3 events", run.Out);
        var root = JsonDocument.Parse(File.ReadAllText(outPath)).RootElement;
        Assert.Equal("EventLogging.ElectionEventLog", root.GetProperty("@type").GetString());
        Assert.Equal("PEL-2022-2023-VMRE", root.GetProperty("ElectionId").GetString());
        var device = root.GetProperty("Device")[0];
        Assert.Equal("MRV-CHI", device.GetProperty("Id").GetString());
        Assert.Equal("dre-controller", device.GetProperty("Type").GetString());
        var refused = device.GetProperty("Event")[1];
        Assert.Equal("official-pin-refused", refused.GetProperty("Id").GetString());
        Assert.Equal("failure", refused.GetProperty("Disposition").GetString());
        Assert.Equal("presidente:PRES-01", refused.GetProperty("UserId").GetString());
        Assert.EndsWith("\n", File.ReadAllText(outPath));
    }

    [Fact]
    public void Export_refuses_a_tampered_log_and_writes_nothing()
    {
        using var dir = new TempDir();
        var log = WriteLog(dir);
        File.WriteAllText(log, File.ReadAllText(log).Replace("\"terminals\":\"2\"", "\"terminals\":\"3\""));
        var outPath = dir.File("out.json");
        var run = Cli.Run("logs", "export", "--log", log, "--device", "MRV-CHI", "--device-type", "dre-controller", "--out", outPath);
        Assert.Equal(1, run.Exit);
        Assert.Contains("line 3: hash does not match content", run.Err);
        Assert.False(File.Exists(outPath));
    }

    [Fact]
    public void Export_refuses_an_unknown_device_type_and_the_wrong_device()
    {
        using var dir = new TempDir();
        var log = WriteLog(dir);
        var unknown = Cli.Run("logs", "export", "--log", log, "--device", "MRV-CHI", "--device-type", "urna", "--out", dir.File("a.json"));
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("unknown device type 'urna'", unknown.Err);
        var wrong = Cli.Run("logs", "export", "--log", log, "--device", "T-CHI-01", "--device-type", "electronic-cast-paper", "--out", dir.File("b.json"));
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("line 1: written by device 'MRV-CHI'", wrong.Err);
        Assert.Equal(2, Cli.Run("logs", "export", "--log", log, "--device", "MRV-CHI").Exit);
    }

    [Fact]
    public void Verify_passes_a_good_log()
    {
        using var dir = new TempDir();
        var log = WriteLog(dir);
        var run = Cli.Run("logs", "verify", "--log", log);
        Assert.Equal(0, run.Exit);
        Assert.Contains("OK", run.Out);
        Assert.Contains("3 entries", run.Out);
        Assert.Contains(EventLogVerifier.VerifyFile(log).Value!.Head, run.Out);
    }

    [Fact]
    public void Verify_exits_1_on_a_tampered_log_naming_the_line()
    {
        using var dir = new TempDir();
        var log = WriteLog(dir);
        File.WriteAllText(log, File.ReadAllText(log).Replace("\"outcome\":\"refused\"", "\"outcome\":\"ok\""));
        var run = Cli.Run("logs", "verify", "--log", log);
        Assert.Equal(1, run.Exit);
        Assert.Contains("FAIL", run.Out);
        Assert.Contains("line 2: hash does not match content", run.Err);
    }

    [Fact]
    public void Verify_refuses_a_missing_log()
    {
        using var dir = new TempDir();
        var run = Cli.Run("logs", "verify", "--log", dir.File("none.jsonl"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("none.jsonl does not exist", run.Err);
    }

    [Theory]
    [InlineData("logs", "export")]
    [InlineData("logs", "verify")]
    public void Logs_commands_have_help(params string[] words)
    {
        var run = Cli.Run([.. words, "--help"]);
        Assert.Equal(0, run.Exit);
        Assert.Contains("vmre-provision " + string.Join(' ', words), run.Out);
    }
}
