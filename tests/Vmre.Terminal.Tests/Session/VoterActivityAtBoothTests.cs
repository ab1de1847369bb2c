using System.Text.Json;
using Vmre.Common.Closing;
using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Terminal.Tests.Faults;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Session;

/// <summary>
/// Issue 9 point 3 (design sections 4 and 5, the terminal's half): a voter's steps at the terminal
/// are never timed lines of their own; they are counted on the hour's <c>voter-activity</c> line,
/// which the terminal writes at polls close before the closing record takes the log's head, so the
/// sealed log covers every voter's step. Device and officials' events keep their timed lines.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class VoterActivityAtBoothTests : IDisposable
{
    private readonly BoothRig _rig = new();

    [Fact]
    public void Voter_steps_are_counted_not_timed_and_polls_close_writes_them_before_the_closing_record_reads_the_log_head()
    {
        Assert.True(_rig.Desk.Handle(_rig.Command(ModuleCommandKind.ZeroReport)).IsOk);
        _rig.Vote("E05", ("GOB-05", ["MORENA"], null));
        _rig.ReviewVote("E05", "GOB-05", "PAN");
        Assert.True(_rig.Booth.Voter.Confirm().IsOk);
        Assert.True(_rig.Booth.Voter.Reject().IsOk); // ANULADO over it, back to the ballot
        Assert.True(_rig.Booth.Voter.Cancel().IsOk);
        Assert.False(_rig.Booth.Voter.Accept().IsOk); // a refusal, counted with its reason

        var before = File.ReadAllText(_rig.LogPath); // not through LogText, which flushes
        Assert.DoesNotContain(VoterActivity.Event, before);
        foreach (var step in FaultChecks.VoterSteps) Assert.DoesNotContain($"\"event\":\"{step}\"", before);
        Assert.True(_rig.Activity.Pending > 0);

        var closed = _rig.Desk.Handle(_rig.Command(ModuleCommandKind.Close));
        Assert.True(closed.IsOk, closed.Error);
        Assert.Equal(0, _rig.Activity.Pending);
        var record = closed.Value!.Open<ClosingRecord>(DocumentKinds.ClosingRecord, PublicKey.FromPem(_rig.DeviceKey.PublicKeyPem)).ValueOrThrow();
        var lines = File.ReadAllLines(_rig.LogPath).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var activity = Array.FindIndex(lines, l => l.GetProperty("event").GetString() == VoterActivity.Event);
        var head = Array.FindIndex(lines, l => l.GetProperty("hash").GetString() == record.LogHead);
        Assert.InRange(activity, 0, head); // the closing record's log head covers the voters' counts

        var counts = lines[activity].GetProperty("data");
        Assert.Equal("2", counts.GetProperty("activation-redeemed").GetString());
        Assert.Equal("2", counts.GetProperty("testigo-printed").GetString());
        Assert.Equal("1", counts.GetProperty("vote-sealed").GetString());
        Assert.Equal("1", counts.GetProperty("acceptance-mark-printed").GetString());
        Assert.Equal("1", counts.GetProperty("testigo-rejected").GetString());
        Assert.Equal("1", counts.GetProperty("testigo-voided:REJECTED").GetString());
        Assert.Equal("1", counts.GetProperty("void-mark-printed:REJECTED").GetString());
        Assert.Equal("1", counts.GetProperty("session-cancelled:Selecting").GetString());
        Assert.Equal("1", counts.GetProperty("accept-refused:nothing-to-accept").GetString());
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:00Z$", counts.GetProperty("hour").GetString());
        Assert.Equal("voter", lines[activity].GetProperty("actor").GetProperty("role").GetString());
        FaultChecks.LogKeepsTheSecrets(_rig, "PAN");
    }

    public void Dispose() => _rig.Dispose();
}
