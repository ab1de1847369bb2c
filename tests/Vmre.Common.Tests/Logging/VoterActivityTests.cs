using System.Globalization;
using System.Text.Json;
using Vmre.Common.Logging;
using Vmre.Common.Tests.Support;
using Vmre.Common.Time;

namespace Vmre.Common.Tests.Logging;

/// <summary>
/// Issue 9 point 3 (docs/rules.md "R3 meets R7"): voters' actions are counts per UTC hour on a
/// voter-activity line that only the hour's end (the timer), polls close or a stop writes, so no
/// line's own time is a voter's time.
/// </summary>
public class VoterActivityTests
{
    private static readonly Actor Desk = new("escrutador", "ESC-01");
    private static readonly Actor Terminal = new("terminal", "T1");

    /// <summary>One module clock for the log and the activity, moved by the test.</summary>
    private sealed class Hand
    {
        public DateTimeOffset Now { get; set; }
        public ScriptedTime Time { get; }
        public ModuleClock Clock { get; }
        public Hand(string utc)
        {
            Now = At(utc);
            Time = new ScriptedTime(() => Now);
            Clock = new ModuleClock(FixedClock.Chicago, Time);
        }
        public void Set(string utc) => Now = At(utc);
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    private static JsonElement[] Lines(string path) => EventLogChainTests.Entries(path);

    private static Dictionary<string, string> Data(JsonElement line) =>
        line.GetProperty("data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Fact]
    public void Actions_in_one_hour_are_counted_on_one_line_written_when_the_timer_sees_the_hour_ended()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        var hand = new Hand("2024-06-02T14:05:00Z");
        using (var log = new EventLog(path, "MRV-CHI", hand.Clock))
        using (var activity = new VoterActivity(log, hand.Time, tick: false))
        {
            activity.Record("checkin-lookup", Desk, "Eligible");
            hand.Set("2024-06-02T14:20:13Z");
            activity.Record("checkin-lookup", Desk, "Eligible");
            activity.Record("checkin-activated", Desk);
            hand.Set("2024-06-02T14:59:59Z");
            activity.Record("checkin-lookup", Desk, "NotInList");
            activity.FlushEndedHour();
            Assert.Equal(0, log.Count);

            hand.Set("2024-06-02T15:00:41Z");
            activity.FlushEndedHour();
            Assert.Equal(1, log.Count);
            Assert.Equal(0, activity.Pending);
        }
        var line = Assert.Single(Lines(path));
        Assert.Equal(VoterActivity.Event, line.GetProperty("event").GetString());
        Assert.Equal("2024-06-02T15:00:41Z", line.GetProperty("utc").GetString());
        Assert.Equal("ESC-01", line.GetProperty("actor").GetProperty("credential").GetString());
        Assert.Equal(new Dictionary<string, string>
        {
            ["hour"] = "2024-06-02T14:00Z", ["checkin-activated"] = "1", ["checkin-lookup:Eligible"] = "2", ["checkin-lookup:NotInList"] = "1",
        }, Data(line));
    }

    [Fact]
    public void A_voter_acting_after_the_hour_turned_writes_nothing_and_is_counted_in_the_new_hour()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        var hand = new Hand("2024-06-02T14:40:00Z");
        using (var log = new EventLog(path, "MRV-CHI", hand.Clock))
        using (var activity = new VoterActivity(log, hand.Time, tick: false))
        {
            activity.Record("activation-redeemed", Terminal);
            // The next voter acts 5 s into the new hour, before the timer's next tick.
            hand.Set("2024-06-02T15:00:05Z");
            activity.Record("activation-redeemed", Terminal);
            Assert.Equal(0, log.Count);
            Assert.Equal(2, activity.Pending);

            hand.Set("2024-06-02T15:00:52Z");
            activity.FlushEndedHour();
            hand.Set("2024-06-02T15:30:00Z");
            activity.Flush();
        }
        var lines = Lines(path);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.NotEqual("2024-06-02T15:00:05Z", l.GetProperty("utc").GetString()));
        Assert.Equal("2024-06-02T15:00:52Z", lines[0].GetProperty("utc").GetString());
        Assert.Equal("2024-06-02T14:00Z", Data(lines[0])["hour"]);
        Assert.Equal("1", Data(lines[0])["activation-redeemed"]);
        Assert.Equal("2024-06-02T15:00Z", Data(lines[1])["hour"]);
        Assert.Equal("1", Data(lines[1])["activation-redeemed"]);
    }

    [Fact]
    public void Each_actor_has_its_own_line_and_the_chain_verifies()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        var hand = new Hand("2024-06-02T09:10:00Z");
        using (var log = new EventLog(path, "MRV-CHI", hand.Clock))
        using (var activity = new VoterActivity(log, hand.Time, tick: false))
        {
            activity.Record("checkin-activated", Desk);
            activity.Record("checkin-activated", new Actor("escrutador", "ESC-02"));
            activity.Record("activation-refused", Terminal, "activation-already-used");
            activity.Record("vote-sealed");
            hand.Set("2024-06-02T10:01:00Z");
            activity.FlushEndedHour();
        }
        var lines = Lines(path);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.Equal("2024-06-02T09:00Z", Data(l)["hour"]));
        var actors = lines.Select(l => l.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.Object
            ? a.GetProperty("credential").GetString() : "-").Order(StringComparer.Ordinal);
        Assert.Equal(["-", "ESC-01", "ESC-02", "T1"], actors);
        Assert.Contains(lines, l => Data(l).GetValueOrDefault("activation-refused:activation-already-used") == "1");
        Assert.True(EventLogVerifier.VerifyFile(path).IsOk);
    }

    [Fact]
    public void Flush_writes_the_current_hour_at_polls_close_and_dispose_writes_what_came_after()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        var hand = new Hand("2024-06-02T17:15:00Z");
        using (var log = new EventLog(path, "MRV-CHI", hand.Clock))
        {
            var activity = new VoterActivity(log, hand.Time, tick: false);
            activity.Record("checkin-activated", Desk);
            hand.Set("2024-06-02T17:58:00Z");
            activity.Flush();
            Assert.Equal(1, log.Count);
            activity.Record("checkin-lookup", Desk, "AlreadyVoted");
            hand.Set("2024-06-02T18:03:00Z");
            activity.Dispose();
            Assert.Equal(2, log.Count);
        }
        var lines = Lines(path);
        Assert.Equal("2024-06-02T17:58:00Z", lines[0].GetProperty("utc").GetString());
        Assert.Equal("1", Data(lines[0])["checkin-activated"]);
        Assert.Equal("2024-06-02T17:00Z", Data(lines[1])["hour"]);
        Assert.Equal("1", Data(lines[1])["checkin-lookup:AlreadyVoted"]);
    }

    [Fact]
    public void Hours_left_unwritten_come_out_oldest_first()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        var hand = new Hand("2024-06-02T11:30:00Z");
        using (var log = new EventLog(path, "MRV-CHI", hand.Clock))
        using (var activity = new VoterActivity(log, hand.Time, tick: false))
        {
            activity.Record("checkin-activated", Desk);
            hand.Set("2024-06-02T12:30:00Z");
            activity.Record("checkin-activated", Desk);
            hand.Set("2024-06-02T13:00:30Z");
            activity.FlushEndedHour();
        }
        Assert.Equal(["2024-06-02T11:00Z", "2024-06-02T12:00Z"], Lines(path).Select(l => Data(l)["hour"]));
    }
}
