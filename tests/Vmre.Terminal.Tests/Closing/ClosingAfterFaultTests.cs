using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Closing;

/// <summary>
/// Brief section 2.5: officials can always close a terminal whose printer failed (its testigo
/// was voided, nothing sealed), but never one with a voter mid-ballot.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class ClosingAfterFaultTests : IDisposable
{
    private readonly BoothRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private static SelectionRequest Pick(string contest, params string[] parties) =>
        new([new ContestSelection(contest, parties, null)]);

    [Fact]
    public void A_terminal_out_of_service_closes_and_signs_its_record()
    {
        _rig.OpenPolls();
        _rig.Booth.Signals.CoverChanged(open: true); // tamper switch while idle: out of service
        Assert.Equal(SessionState.Fault, _rig.Booth.View.State);

        var closed = _rig.Desk.Handle(_rig.Command(ModuleCommandKind.Close));
        Assert.True(closed.IsOk, closed.Error);
        Assert.Equal(TerminalPolls.Closed, _rig.Booth.View.Polls);
        Assert.Contains("\"fault-cleared-for-closing\"", _rig.LogText);
    }

    [Fact]
    public void An_interrupted_voter_session_blocks_closing_until_an_official_ends_it()
    {
        _rig.OpenPolls();
        Assert.True(_rig.Booth.Voter.Activate(_rig.Election.Activation("E05")).IsOk);
        Assert.True(_rig.Booth.Voter.Select(Pick("GOB-05", "MORENA")).IsOk);
        _rig.Printer.PaperOut();
        Assert.False(_rig.Booth.Voter.Confirm().IsOk);
        Assert.Equal(SessionState.Interrupted, _rig.Booth.View.State);
        Assert.False(_rig.Desk.Handle(_rig.Command(ModuleCommandKind.Close)).IsOk);

        _rig.PresentCard(TestElection.PresidenteCard);
        Assert.True(_rig.Booth.Officials.EndInterruptedSession(TestElection.PresidentePin).IsOk);
        Assert.Equal(SessionState.Fault, _rig.Booth.View.State); // still no paper: out of service
        var closed = _rig.Desk.Handle(_rig.Command(ModuleCommandKind.Close));
        Assert.True(closed.IsOk, closed.Error);
        Assert.Equal(TerminalPolls.Closed, _rig.Booth.View.Polls);
        Assert.Empty(_rig.Store.SealedVotes());
    }

    [Fact]
    public void A_terminal_with_a_voter_mid_ballot_does_not_close()
    {
        _rig.OpenPolls();
        Assert.True(_rig.Booth.Voter.Activate(_rig.Election.Activation("E05")).IsOk);
        var refused = _rig.Desk.Handle(_rig.Command(ModuleCommandKind.Close));
        Assert.False(refused.IsOk);
        Assert.Equal(TerminalPolls.Open, _rig.Booth.View.Polls);
        Assert.Equal(SessionState.Selecting, _rig.Booth.View.State);
    }
}
