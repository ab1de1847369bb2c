using Vmre.Audit.Paper;
using Vmre.Terminal.Votes;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Firmware.Activation;
using Vmre.Firmware.Session;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;
using Vmre.Devices.GpioSignals;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Session;

/// <summary>The vote path below the module server boundary, on a real store, log and emulated printer.</summary>
public sealed class VotingBoothTests : IDisposable
{
    private readonly BoothRig _rig = new();
    private VotingBooth Booth => _rig.Booth;

    private static SelectionRequest Selection(string contest, string[] parties, string? writeIn = null) =>
        new([new ContestSelection(contest, parties, writeIn)]);

    [Fact]
    public void An_activation_is_refused_while_the_polls_are_not_open()
    {
        var result = Booth.Voter.Activate(_rig.Election.Activation("E05"));
        Assert.False(result.IsOk);
        Assert.Equal("the polls are not open at this terminal", result.Error);
        Assert.Equal(0, _rig.Redeemer.Calls);
        Assert.Contains("activation-refused", _rig.LogText);
    }

    [Fact]
    public void A_redemption_the_server_signed_for_another_style_opens_no_ballot()
    {
        // Issue 7: the server signs the style it stored at issue into its answer; the terminal
        // shows only that style, and refuses when it is not the token's. The activation is burned
        // at the server, so the terminal counts it as a session without a vote (rules.md R6).
        var booth = _rig.NewBooth(new StyleRedeemer("E15"));
        booth.Polls.SetPolls(TerminalPolls.Open);
        var result = booth.Voter.Activate(_rig.Election.Activation("E05"));
        Assert.False(result.IsOk);
        Assert.Equal("the module server redeemed ballot style E15, not the activation's E05; call an official", result.Error);
        Assert.Equal(SessionState.Idle, booth.View.State);
        Assert.Equal(1, _rig.Store.Counter(VoteVault.ActivationsRedeemed));
        Assert.Equal(1, _rig.Store.Counter(VoteVault.SessionsAbandoned));
        Assert.Contains("activation-refused", _rig.LogText);
    }

    /// <summary>A module server that accepts every activation and names one style for all.</summary>
    private sealed class StyleRedeemer(string style) : IActivationRedeemer
    {
        public RedeemResponse Redeem(string token) => new(true, null, style);
    }

    [Fact]
    public void A_valid_activation_burns_and_shows_the_ballot_of_its_style_and_a_replay_is_refused()
    {
        _rig.OpenPolls();
        var code = _rig.Election.Activation("E15");
        var ballot = Booth.Voter.Activate(code);
        Assert.True(ballot.IsOk, ballot.Error);
        Assert.Equal("E15", ballot.Value!.BallotStyle);
        Assert.Equal(["GOB-15"], ballot.Value.Contests.Select(c => c.ContestId));
        Assert.Equal(SessionState.Selecting, Booth.View.State);
        Assert.True(_rig.Lights.Last!.Busy);
        Assert.True(Booth.Voter.Cancel().IsOk);

        var replay = Booth.Voter.Activate(code);
        Assert.False(replay.IsOk);
        Assert.Equal("activation already used", replay.Error);
        Assert.Equal(1, _rig.Store.Counter(VoteVault.ActivationsRedeemed));
        Assert.Equal(SessionState.Idle, Booth.View.State);
    }

    [Fact]
    public void Forged_foreign_unknown_and_garbage_activations_are_refused_with_reasons_before_redemption()
    {
        _rig.OpenPolls();
        var other = SoftwareSigningKey.Generate();
        var cases = new (string Code, string Reason)[]
        {
            (_rig.Election.Activation("E05", signer: other), "activation not signed by this module's server"),
            (_rig.Election.Activation("E05", moduleId: "MRV-DAL"), "activation belongs to module MRV-DAL"),
            // Issue 8 point 4: a rehearsal's token, signed by the same server key for another package.
            (_rig.Election.Activation("E05", packageHash: new string('7', 64)), "activation belongs to another election package (7777777777777777)"),
            (_rig.Election.Activation("E99"), "unknown ballot style E99"),
            ("hello", "not an activation code: " + ActivationTokenDecoder.Decode("hello").Reason),
            ("", "not an activation code: " + ActivationTokenDecoder.Decode("").Reason),
            (new string('x', 5000), "not an activation code: " + ActivationTokenDecoder.Decode(new string('x', 5000)).Reason),
        };
        foreach (var (code, reason) in cases)
        {
            var result = Booth.Voter.Activate(code);
            Assert.False(result.IsOk);
            Assert.Equal(reason, result.Error);
        }
        Assert.Equal(0, _rig.Redeemer.Calls);
        Assert.Equal(0, _rig.Store.Counter(VoteVault.ActivationsRedeemed));
        Assert.Equal(SessionState.Idle, Booth.View.State);
    }

    [Fact]
    public void A_selection_naming_a_contest_not_on_the_ballot_is_refused()
    {
        _rig.OpenPolls();
        Assert.True(Booth.Voter.Activate(_rig.Election.Activation("E05")).IsOk);
        var extra = Booth.Voter.Select(new SelectionRequest([
            new ContestSelection("GOB-05", ["MC"], null), new ContestSelection("GOB-15", ["MORENA"], null)]));
        Assert.False(extra.IsOk);
        Assert.Equal("selection names a contest not on this ballot", extra.Error);
        var wrong = Booth.Voter.Select(Selection("GOB-15", ["MORENA"]));
        Assert.False(wrong.IsOk);
        Assert.Equal("contest GOB-05 must appear exactly once", wrong.Error);
        var party = Booth.Voter.Select(Selection("GOB-05", ["PVEM"]));
        Assert.Equal("GOB-05: party PVEM is not on this ballot", party.Error);
        Assert.True(Booth.Voter.Select(Selection("GOB-05", ["MC"])).IsOk);
    }

    [Fact]
    public void A_write_in_is_normalised_and_a_blank_one_is_no_write_in()
    {
        _rig.OpenPolls();
        Assert.True(Booth.Voter.Activate(_rig.Election.Activation("E05")).IsOk);
        var review = Booth.Voter.Select(Selection("GOB-05", [], "  juana   de  la  cruz "));
        Assert.True(review.IsOk, review.Error);
        Assert.Equal("Candidatura no registrada: JUANA DE LA CRUZ", review.Value!.Lines.Single().Selection);
        Assert.False(review.Value.Lines.Single().CountsAsNull);

        var blank = Booth.Voter.Select(Selection("GOB-05", ["MC"], "   "));
        Assert.True(blank.IsOk, blank.Error);
        Assert.Equal("MC: Candidata Gama", blank.Value!.Lines.Single().Selection);
        var both = Booth.Voter.Select(Selection("GOB-05", ["MC"], "Juana"));
        Assert.Equal("GOB-05: a write-in cannot be combined with party marks", both.Error);
    }

    [Fact]
    public void Confirm_prints_one_testigo_whose_qr_is_the_selection_and_accept_seals_one_vote()
    {
        _rig.OpenPolls();
        Assert.True(Booth.Voter.Activate(_rig.Election.Activation("E05")).IsOk);
        var review = Booth.Voter.Select(Selection("GOB-05", ["PRI", "PAN"]));
        Assert.Equal("PAN + PRI: Candidata Alfa", review.Value!.Lines.Single().Selection);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Assert.Equal(SessionState.VoterVerifying, Booth.View.State);
        Assert.Equal(0, _rig.Store.CountInState("sealed"));
        Assert.Empty(_rig.Tray.Settled()); // held on the roll, uncut, while the voter looks

        Assert.True(Booth.Voter.Accept().IsOk);
        var paper = _rig.Tray.WaitFor(1).Single();
        var qr = Assert.Single(QrImageDecoder.Decode(paper.Png));
        var decoded = TestigoDecoder.Decode(qr);
        Assert.True(decoded.Ok, decoded.Reason);
        Assert.Equal("E05", decoded.Payload.BallotStyle);
        var marks = Assert.Single(decoded.Payload.Contests);
        Assert.Equal(("GOB-05", MarkKind.Parties), (marks.ContestId, marks.Kind));
        Assert.Equal(["PAN", "PRI"], marks.PartyCodes);
        Assert.Contains("Candidata Alfa", paper.Text);
        Assert.True(PaperReading.Of(paper).CountsAsVote, paper.Text);

        var (id, vote) = Assert.Single(_rig.Store.SealedVotes());
        Assert.Equal(qr, Vmre.Terminal.Votes.SealedVote.Open(_rig.StorageKey, id, vote));
        Assert.DoesNotContain(id, paper.Text, StringComparison.OrdinalIgnoreCase); // the row key is never printed
        Assert.Equal(SessionState.Idle, Booth.View.State);
        Assert.True(_rig.Lights.Last!.Ready);
        Assert.False(Booth.Voter.Accept().IsOk);
        Assert.Single(_rig.Tray.Settled());
        Assert.Single(_rig.Store.SealedVotes());
    }

    [Fact]
    public void Paper_out_refuses_confirm_voids_the_testigo_interrupts_the_session_and_logs_it()
    {
        _rig.OpenPolls();
        Assert.True(Booth.Voter.Activate(_rig.Election.Activation("E05")).IsOk);
        Assert.True(Booth.Voter.Select(Selection("GOB-05", ["MORENA"])).IsOk);
        _rig.Printer.PaperOut();
        var confirm = Booth.Voter.Confirm();
        Assert.False(confirm.IsOk);
        Assert.Equal("the testigo could not be printed: printer not ready: PaperOut", confirm.Error);
        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Assert.False(Booth.Voter.Accept().IsOk);
        Assert.Empty(_rig.Store.SealedVotes());
        Assert.Equal(1, _rig.Store.CountInState("voided"));
        Assert.Empty(_rig.Store.UnfinishedTestigos());
        Assert.True(_rig.Lights.Last!.Fault);
        Assert.NotNull(Booth.View.Message);
        Assert.Contains("\"testigo-print-failed\"", _rig.LogText);
        Assert.Empty(_rig.Tray.Settled());
    }

    [Fact]
    public void Cancel_before_printing_leaves_no_testigo_and_counts_an_abandoned_session()
    {
        _rig.OpenPolls();
        Assert.False(Booth.Voter.Cancel().IsOk);
        Assert.True(Booth.Voter.Activate(_rig.Election.Activation("E05")).IsOk);
        Assert.True(Booth.Voter.Select(Selection("GOB-05", ["MC"])).IsOk);
        Assert.True(Booth.Voter.Cancel().IsOk);
        Assert.Equal(SessionState.Idle, Booth.View.State);
        Assert.Equal(1, _rig.Store.Counter(VoteVault.SessionsAbandoned));
        Assert.Equal(0, _rig.Store.CountInState("printing") + _rig.Store.CountInState("printed")
            + _rig.Store.CountInState("voided") + _rig.Store.CountInState("sealed"));
        Assert.False(Booth.Voter.Confirm().IsOk);
        Assert.Empty(_rig.Tray.Settled());
    }

    [Fact]
    public void The_event_log_holds_no_testigo_id_no_marked_party_and_no_activation_nonce()
    {
        _rig.OpenPolls();
        var nonce = _rig.Vote("E05", ("GOB-05", ["MORENA"], null));
        var nonce2 = _rig.Vote("E15", ("GOB-15", ["PAN"], null));
        var nonce3 = _rig.Vote("E05", ("GOB-05", [], "Persona Inventada"));
        var replay = Booth.Voter.Activate(_rig.Election.Activation("E05", nonce));
        Assert.Equal("activation already used", replay.Error);
        var text = _rig.LogText;
        Assert.Contains("\"vote-sealed\":\"3\"", text); // counted on the hour's voter-activity line
        Assert.DoesNotContain("\"event\":\"vote-sealed\"", text);
        foreach (var (id, _) in _rig.Store.SealedVotes()) Assert.DoesNotContain(id, text, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in new[] { nonce, nonce2, nonce3, "MORENA", "PAN", "PERSONA INVENTADA", "Persona Inventada", "Candidato Beta" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.True(Vmre.Common.Logging.EventLogVerifier.VerifyFile(_rig.LogPath).IsOk);
    }

    public void Dispose() => _rig.Dispose();
}
