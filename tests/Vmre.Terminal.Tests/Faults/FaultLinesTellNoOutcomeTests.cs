using System.Text.Json;
using Vmre.Common.Logging;
using Vmre.Firmware.Session;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// rules.md R3 (review of issue 9): no timed line may tell how a voter's session ended. The same
/// printer fault while a testigo is held must leave the same timed lines (everything but the
/// hour's voter-activity counts) whether the voter accepted it, walked away or rejected it.
/// </summary>
[Collection(SerialTimingCollection.Name)] // each rig reads officials' cards through the real PN532 binding
public sealed class FaultLinesTellNoOutcomeTests
{
    [Fact]
    public void A_printer_going_offline_under_a_held_testigo_leaves_the_same_timed_lines_for_accept_timeout_and_a_last_rejection()
    {
        var accepted = TimedLinesAfterFault(rounds: 1, rig => rig.Booth.Voter.Accept());
        var timedOut = TimedLinesAfterFault(rounds: 1, rig =>
        {
            rig.Now += rig.Booth.InactivityLimit + TimeSpan.FromSeconds(1);
            Assert.True(rig.Booth.Inactivity.ExpireIfInactive());
        });
        var lastRejected = TimedLinesAfterFault(rounds: VotingSession.MaxTestigos, rig => rig.Booth.Voter.Reject());

        Assert.Contains(accepted, l => l.StartsWith("device-fault", StringComparison.Ordinal));
        Assert.DoesNotContain(accepted, l => l.StartsWith("mark-print-failed", StringComparison.Ordinal));
        Assert.Equal(accepted, timedOut);
        Assert.Equal(accepted, lastRejected);
    }

    [Fact]
    public void A_rejection_the_voter_marks_again_after_leaves_the_same_timed_events_as_an_accept()
    {
        var accepted = TimedLinesAfterFault(rounds: 1, rig => rig.Booth.Voter.Accept());
        var rejected = TimedLinesAfterFault(rounds: 1, rig => rig.Booth.Voter.Reject());

        // The session goes on (Interrupted, not out of service): that a session was under way at a
        // device fault is what a timed fault says anyway (issue 9 design section 5); the events match.
        Assert.Equal(accepted.Select(EventOf), rejected.Select(EventOf));
    }

    private static string EventOf(string line) => line.Split(' ')[0];

    /// <summary>Prints testigos (rejecting all but the last), takes the printer offline under the last, ends it with <paramref name="end"/>; returns the timed lines written from the fault on.</summary>
    private static List<string> TimedLinesAfterFault(int rounds, Action<BoothRig> end)
    {
        using var rig = new BoothRig();
        rig.OpenPolls();
        rig.ReviewVote(Style, Contest, Party);
        for (var round = 1; round <= rounds; round++)
        {
            if (round > 1) Assert.True(rig.Booth.Voter.Select(Marks()).IsOk);
            Assert.True(rig.Booth.Voter.Confirm().IsOk);
            if (round < rounds) Assert.True(rig.Booth.Voter.Reject().IsOk);
        }
        var before = File.ReadAllLines(rig.LogPath).Length;
        rig.Printer.GoOffline();
        end(rig);
        return File.ReadAllLines(rig.LogPath).Skip(before).Select(Timed).Where(l => l is not null).Select(l => l!).ToList();
    }

    /// <summary>A timed line as an observer compares it: its event and data, without its time, sequence and hashes.</summary>
    private static string? Timed(string line)
    {
        using var json = JsonDocument.Parse(line);
        var evt = json.RootElement.GetProperty("event").GetString()!;
        if (evt == VoterActivity.Event) return null;
        var data = json.RootElement.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
            ? string.Join(",", d.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()).Order(StringComparer.Ordinal))
            : "";
        return evt + " " + data;
    }
}
