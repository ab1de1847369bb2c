using Vmre.Common.Logging;
using Vmre.Common.Tests.Support;

namespace Vmre.Common.Tests.Logging;

/// <summary>
/// Pins the line format and chain rule of docs/formats/event-log.md: a fixed 2-line log,
/// produced once with a fixed clock, must verify and keep its head hash. If this fails, the
/// format changed and every deployed verifier would disagree.
/// </summary>
public class EventLogGoldenTests
{
    private const string Line1 = """{"seq":1,"utc":"2023-06-04T13:58:02Z","local":"2023-06-04T08:58:02-05:00","device":"MRV-CHI","event":"module-server-started","data":{"votersImported":"412","polls":"not-open"},"prev":"0000000000000000000000000000000000000000000000000000000000000000","hash":"c9b4b917911c33bc6a3ea64a832cf1087795fd719c8fefe91442d7f31dc4fe3e"}""";
    private const string Line2 = """{"seq":2,"utc":"2023-06-04T14:00:11Z","local":"2023-06-04T09:00:11-05:00","device":"MRV-CHI","event":"official-pin-accepted","actor":{"role":"presidente","credential":"PRES-01"},"data":{"purpose":"open-polls","outcome":"ok"},"prev":"c9b4b917911c33bc6a3ea64a832cf1087795fd719c8fefe91442d7f31dc4fe3e","hash":"6d843e970c5bb8932039b85b2b434f25a15240e044cdcb892ad2ca4c04431f05"}""";
    private const string Head = "6d843e970c5bb8932039b85b2b434f25a15240e044cdcb892ad2ca4c04431f05";

    [Fact]
    public void Golden_log_verifies_with_its_head()
    {
        var chain = EventLogVerifier.VerifyLines([Line1, Line2]);
        Assert.True(chain.IsOk, chain.Error);
        Assert.Equal(2, chain.Value!.Count);
        Assert.Equal(Head, chain.Value.Head);
    }

    [Fact]
    public void Writing_the_same_events_with_the_same_clock_reproduces_the_golden_bytes()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        var times = new Queue<string>(["2023-06-04T13:58:02Z", "2023-06-04T14:00:11Z"]);
        var clock = new Vmre.Common.Time.ModuleClock(FixedClock.Chicago, new ScriptedTime(() => DateTimeOffset.Parse(times.Dequeue(), System.Globalization.CultureInfo.InvariantCulture)));
        using (var log = new EventLog(path, "MRV-CHI", clock))
        {
            log.Append("module-server-started", null, new() { ["votersImported"] = "412", ["polls"] = "not-open" });
            log.Append("official-pin-accepted", new Actor("presidente", "PRES-01"), new() { ["purpose"] = "open-polls", ["outcome"] = "ok" });
            Assert.Equal(Head, log.Head);
        }
        Assert.Equal(Line1 + "\n" + Line2 + "\n", File.ReadAllText(path));
    }

    [Fact]
    public void Golden_log_continues_when_reopened()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        File.WriteAllText(path, Line1 + "\n" + Line2 + "\n");
        using (var log = new EventLog(path, "MRV-CHI", FixedClock.At("2023-06-04T14:05:00Z")))
        {
            Assert.Equal(Head, log.Head);
            log.Append("polls-opened", new Actor("presidente", "PRES-01"));
        }
        Assert.Equal(3, EventLogVerifier.VerifyFile(path).ValueOrThrow().Count);
    }
}
