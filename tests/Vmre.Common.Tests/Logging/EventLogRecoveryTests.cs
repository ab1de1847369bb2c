using System.Text;
using System.Text.Json;
using Vmre.Common.Logging;
using Vmre.Common.Tests.Support;

namespace Vmre.Common.Tests.Logging;

/// <summary>rules.md R6: after a power cut nothing chained is lost and the log still verifies.</summary>
public class EventLogRecoveryTests
{
    private static string WriteThree(TempDir dir)
    {
        var path = dir.File("events.jsonl");
        using var log = new EventLog(path, "T1", FixedClock.Ticking("2024-06-02T14:00:00Z"));
        log.Append("a");
        log.Append("b");
        log.Append("c");
        return path;
    }

    [Fact]
    public void Torn_last_line_is_cut_and_recovery_is_logged()
    {
        using var dir = new TempDir();
        var path = WriteThree(dir);
        var lines = File.ReadAllLines(path);
        var intact = File.ReadAllBytes(path).Length;
        // A power cut mid-write: half of a would-be fourth line, no newline.
        var half = Encoding.UTF8.GetBytes(lines[2].Replace("\"seq\":3", "\"seq\":4"))[..60];
        using (var f = new FileStream(path, FileMode.Append)) f.Write(half);

        using (var log = new EventLog(path, "T1", FixedClock.Ticking("2024-06-02T15:00:00Z")))
        {
            Assert.Equal(4, log.Count);
        }
        var after = File.ReadAllLines(path);
        Assert.Equal(4, after.Length);
        Assert.Equal(lines, after[..3]);
        var recovered = JsonDocument.Parse(after[3]).RootElement;
        Assert.Equal("log-recovered", recovered.GetProperty("event").GetString());
        Assert.Equal("60", recovered.GetProperty("data").GetProperty("truncatedBytes").GetString());
        var chain = EventLogVerifier.VerifyFile(path);
        Assert.True(chain.IsOk, chain.Error);
        Assert.Equal(4, chain.Value!.Count);
        Assert.True(new FileInfo(path).Length > intact);
    }

    [Fact]
    public void Torn_first_line_of_a_new_log_recovers_to_a_fresh_chain()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes("{\"seq\":1,\"utc\":\"2024"));
        using (var log = new EventLog(path, "T1", FixedClock.At("2024-06-02T14:00:00Z"))) Assert.Equal(1, log.Count);
        var chain = EventLogVerifier.VerifyFile(path);
        Assert.True(chain.IsOk, chain.Error);
        Assert.Equal(1, chain.Value!.Count);
    }

    [Fact]
    public void Clean_reopen_logs_no_recovery()
    {
        using var dir = new TempDir();
        var path = WriteThree(dir);
        using (var log = new EventLog(path, "T1", FixedClock.At("2024-06-02T15:00:00Z"))) Assert.Equal(3, log.Count);
        Assert.Equal(3, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Reopening_a_tampered_log_refuses_to_continue()
    {
        using var dir = new TempDir();
        var path = WriteThree(dir);
        var lines = File.ReadAllLines(path);
        lines[1] = lines[1].Replace("\"event\":\"b\"", "\"event\":\"x\"");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        var e = Assert.Throws<InvalidDataException>(() => new EventLog(path, "T1", FixedClock.At("2024-06-02T15:00:00Z")));
        Assert.Contains("line 2", e.Message);
    }
}
