using System.Text.Json;
using Vmre.Common.Logging;
using Vmre.Common.Tests.Support;

namespace Vmre.Common.Tests.Logging;

/// <summary>rules.md R7: every action logged, hash-chained, with UTC and local time (docs/formats/event-log.md).</summary>
public class EventLogChainTests
{
    internal static JsonElement[] Entries(string path) =>
        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();

    [Fact]
    public void Entries_chain_and_number_from_one()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        using (var log = new EventLog(path, "MRV-CHI", FixedClock.Ticking("2024-11-03T12:00:00Z")))
        {
            for (var i = 0; i < 5; i++) log.Append("checkin-lookup", new Actor("escrutador", "ESC-01"), new() { ["outcome"] = "Eligible" });
            Assert.Equal(5, log.Count);
        }
        var entries = Entries(path);
        Assert.Equal(EventLog.Genesis, entries[0].GetProperty("prev").GetString());
        for (var i = 0; i < entries.Length; i++)
        {
            Assert.Equal(i + 1, entries[i].GetProperty("seq").GetInt64());
            Assert.Equal("MRV-CHI", entries[i].GetProperty("device").GetString());
            if (i > 0) Assert.Equal(entries[i - 1].GetProperty("hash").GetString(), entries[i].GetProperty("prev").GetString());
        }
        Assert.True(EventLogVerifier.VerifyFile(path).IsOk);
    }

    [Fact]
    public void Head_is_the_last_lines_hash_and_what_the_verifier_reports()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        string head;
        using (var log = new EventLog(path, "T1", FixedClock.Ticking("2024-06-02T14:00:00Z")))
        {
            Assert.Equal(EventLog.Genesis, log.Head);
            log.Append("a");
            log.Append("b");
            head = log.Head;
        }
        Assert.Equal(head, Entries(path)[^1].GetProperty("hash").GetString());
        var chain = EventLogVerifier.VerifyFile(path).ValueOrThrow();
        Assert.Equal(2, chain.Count);
        Assert.Equal(head, chain.Head);
    }

    [Theory]
    [InlineData("2024-11-15T18:30:00Z", "2024-11-15T12:30:00-06:00")]
    [InlineData("2024-07-15T18:30:00Z", "2024-07-15T13:30:00-05:00")]
    public void Lines_carry_utc_and_local_with_the_module_offset(string utc, string local)
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        using (var log = new EventLog(path, "MRV-CHI", FixedClock.At(utc))) log.Append("polls-opened");
        var entry = Entries(path)[0];
        Assert.Equal(utc, entry.GetProperty("utc").GetString());
        Assert.Equal(local, entry.GetProperty("local").GetString());
    }

    [Fact]
    public void Device_events_omit_actor_and_data()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        using (var log = new EventLog(path, "T1", FixedClock.At("2024-06-02T14:00:00Z"))) log.Append("terminal-started");
        var entry = Entries(path)[0];
        Assert.False(entry.TryGetProperty("actor", out _));
        Assert.False(entry.TryGetProperty("data", out _));
        Assert.Equal(["seq", "utc", "local", "device", "event", "prev", "hash"], entry.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Reopening_continues_the_chain()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        string head;
        using (var log = new EventLog(path, "T1", FixedClock.Ticking("2024-06-02T14:00:00Z")))
        {
            log.Append("a");
            log.Append("b");
            head = log.Head;
        }
        using (var log = new EventLog(path, "T1", FixedClock.Ticking("2024-06-02T15:00:00Z")))
        {
            Assert.Equal(2, log.Count);
            Assert.Equal(head, log.Head);
            log.Append("c");
        }
        var entries = Entries(path);
        Assert.Equal(3, entries[2].GetProperty("seq").GetInt64());
        Assert.Equal(head, entries[2].GetProperty("prev").GetString());
        Assert.Equal(3, EventLogVerifier.VerifyFile(path).ValueOrThrow().Count);
    }

    [Fact]
    public void Concurrent_appends_from_four_threads_make_one_verifiable_chain()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        const int perThread = 50;
        using (var log = new EventLog(path, "MRV-MAD", FixedClock.Ticking("2024-06-02T08:00:00Z")))
        {
            var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
            {
                for (var i = 0; i < perThread; i++) log.Append("checkin-lookup", null, new() { ["thread"] = t.ToString(), ["i"] = i.ToString() });
            })).ToArray();
            foreach (var th in threads) th.Start();
            foreach (var th in threads) th.Join();
        }
        var chain = EventLogVerifier.VerifyFile(path);
        Assert.True(chain.IsOk, chain.Error);
        Assert.Equal(4 * perThread, chain.Value!.Count);
        var seen = Entries(path).Select(e => e.GetProperty("data").GetProperty("thread").GetString() + "/" + e.GetProperty("data").GetProperty("i").GetString());
        Assert.Equal(4 * perThread, seen.Distinct().Count());
    }

    [Fact]
    public void Data_with_quotes_and_hash_lookalikes_still_verifies()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        using (var log = new EventLog(path, "T1", FixedClock.At("2024-06-02T14:00:00Z")))
        {
            log.Append("module-server-refused", null, new() { ["reason"] = "bad \"thing\",\"hash\":\"00\"} ñ \n next" });
            log.Append("b");
        }
        var chain = EventLogVerifier.VerifyFile(path);
        Assert.True(chain.IsOk, chain.Error);
        Assert.Equal(2, chain.Value!.Count);
    }
}
