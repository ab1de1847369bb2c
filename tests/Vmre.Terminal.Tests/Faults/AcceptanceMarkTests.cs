using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 9, design section 4: one paper per testigo, held uncut on the roll until the voter
/// decides. Accepting seals the vote first, then VOTO EMITIDO prints under the testigo and the
/// paper is cut; a printer that cannot print that mark takes the terminal out of service until it
/// does, and the mark stays owed across a power cut. Every redeemed activation stays one sealed
/// vote or one session without a vote (rules.md R6).
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class AcceptanceMarkTests : BoothFaultCase
{
    [Fact]
    public void An_accepted_testigo_is_one_paper_cut_only_after_acceptance_with_voto_emitido_under_it()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Assert.Empty(Rig.Tray.Settled()); // printed, held on the roll: not cut before the voter accepts
        Assert.Empty(Rig.Store.SealedVotes());

        Assert.True(Booth.Voter.Accept().IsOk);
        var paper = AcceptedOn(Rig.Tray.WaitFor(1).Single());
        Assert.Equal(Assert.Single(Rig.Vault.OpenAll()), paper.Testigo!.Encode());
        Assert.Equal(1, Rig.Store.CountInState("cast"));
        Assert.Equal(SessionState.Idle, Booth.View.State);
        var log = Rig.LogText;
        Assert.Contains("\"vote-sealed\":\"1\"", log);
        Assert.Contains("\"acceptance-mark-printed\":\"1\"", log);
        PaperReconcilesWithStore(Rig, papers: 1);
        LogKeepsTheSecrets(Rig);
    }

    [Fact]
    public void A_printer_that_cannot_print_the_acceptance_mark_takes_the_terminal_out_of_service_until_it_does()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Rig.Printer.GoOffline();

        Assert.True(Booth.Voter.Accept().IsOk); // sealed first: the vote counts
        Assert.Single(Rig.Store.SealedVotes());
        Assert.Equal(1, Rig.Vault.Testigos().AcceptanceMarksOwed);
        Assert.Equal(SessionState.Fault, Booth.View.State);
        Assert.True(Rig.Lights.Last!.Fault);
        Assert.False(Booth.Voter.Activate(Rig.Election.Activation(Style)).IsOk);
        Assert.Equal("the printer is still not ready: printer status Offline", OfficialClears(Rig).Error);

        Rig.Printer.GoOnline();
        var cleared = OfficialClears(Rig);
        Assert.True(cleared.IsOk, cleared.Error);
        Assert.Equal(SessionState.Idle, Booth.View.State);
        AcceptedOn(Rig.Tray.WaitFor(1).Single());
        PaperReconcilesWithStore(Rig, papers: 1);
        LogKeepsTheSecrets(Rig);
    }

    [Fact]
    public void A_power_cut_after_the_seal_before_the_mark_prints_voto_emitido_at_restart_and_the_vote_counts_once()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Rig.Printer.GoOffline(); // the mark does not print before the cut
        Assert.True(Booth.Voter.Accept().IsOk);
        Rig.Printer.GoOnline();

        var restarted = Rig.NewBooth(Rig.Redeemer, Rig.Officials); // the power comes back
        restarted.Recovery.Run();

        Assert.Equal(SessionState.Idle, restarted.View.State);
        AcceptedOn(Rig.Tray.WaitFor(1).Single());
        Assert.Single(Rig.Store.SealedVotes());
        Assert.Equal(1, Rig.Store.Counter(VoteVault.ActivationsRedeemed));
        Assert.Equal(0, Rig.Store.Counter(VoteVault.SessionsAbandoned));
        Assert.Equal(0, Rig.Vault.SessionsUnaccounted());
        PaperReconcilesWithStore(Rig, papers: 1);
    }

    [Fact]
    public void A_power_cut_while_the_voter_checks_the_testigo_voids_the_held_paper_with_anulado_power_at_restart()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Assert.Empty(Rig.Tray.Settled()); // held on the roll, uncut

        var restarted = Rig.NewBooth(Rig.Redeemer, Rig.Officials); // the cut: the session is gone, the paper held
        restarted.Recovery.Run();

        Assert.Equal(SessionState.Idle, restarted.View.State);
        var paper = Rig.Tray.WaitFor(1).Single();
        VoidedOn(paper, VoidReason.PowerLoss);
        Assert.Empty(Rig.Store.SealedVotes());
        Assert.Equal(1, Rig.Store.Counter(VoteVault.SessionsAbandoned)); // the redeemed activation: a session without a vote
        Assert.Contains(restarted.View.Alerts.Recent(), a => a.Contains("after a power cut"));
        Assert.Contains("\"unfinished-testigos-voided\"", Rig.LogText);
        PaperReconcilesWithStore(Rig, papers: 1);
        LogKeepsTheSecrets(Rig);
    }

    [Fact]
    public void Paper_running_out_while_the_voter_checks_the_held_testigo_voids_it_and_refuses_accept()
    {
        // Reviewer finding (rules.md R1, R6): the held testigo is torn off by a paper-out; accepting
        // it then would seal a vote whose VOTO EMITIDO lands on blank paper.
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Rig.Printer.PaperOut(); // tears off the held, unmarked testigo
        Booth.Signals.PaperChanged(PaperLevel.Out);

        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Assert.Equal(1, Rig.Vault.Testigos().VoidMarksOwed);
        Assert.False(Booth.Voter.Accept().IsOk);
        Assert.Empty(Rig.Store.SealedVotes());
        Assert.False(PaperReading.Of(Rig.Tray.WaitFor(1).Single()).CountsAsVote);

        Rig.Printer.PaperLoaded();
        Booth.Signals.PaperChanged(PaperLevel.Ok);
        var cleared = OfficialClears(Rig);
        Assert.True(cleared.IsOk, cleared.Error);
        VoidedOn(Rig.Tray.WaitFor(2)[1], VoidReason.PrinterFault); // ANULADO printed once the printer is back
        Assert.Empty(Rig.Store.SealedVotes());
        PaperReconcilesWithStore(Rig, papers: 2);
        LogKeepsTheSecrets(Rig);
    }

    [Fact]
    public void A_jam_part_way_through_voto_emitido_is_counted_once_and_carried_in_the_closing_record()
    {
        // Issue 9 review (rules.md R1, R6): the held testigo may leave torn without its mark, so
        // the paper may count one less than the sealed votes; the closing record says so.
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Rig.Printer.JamAfterBytes(12 + 20); // the status queries, then part of the VOTO EMITIDO job

        Assert.True(Booth.Voter.Accept().IsOk); // sealed first: the vote counts
        Assert.Single(Rig.Store.SealedVotes());
        Assert.Equal(SessionState.Fault, Booth.View.State);
        Assert.Equal(1, Rig.Store.Counter(VoteVault.AcceptanceMarksTorn));
        Assert.Equal(1, Rig.Vault.Testigos().AcceptanceMarksOwed);
        Assert.False(PaperReading.Of(Rig.Tray.WaitFor(1).Single()).CountsAsVote); // torn off unmarked

        Assert.False(OfficialClears(Rig).IsOk); // still jammed: the mark fails again, counted once only
        Assert.Equal(1, Rig.Store.Counter(VoteVault.AcceptanceMarksTorn));
        Rig.Printer.ClearJam();
        var cleared = OfficialClears(Rig);
        Assert.True(cleared.IsOk, cleared.Error);
        Assert.Equal(0, Rig.Vault.Testigos().AcceptanceMarksOwed);
        Assert.Equal(1, Rig.Vault.Totals().AcceptanceMarksTorn);

        var closed = Rig.Desk.Handle(Rig.Command(Vmre.Common.Module.ModuleCommandKind.Close));
        Assert.True(closed.IsOk, closed.Error);
        var record = closed.Value!.Open<Vmre.Common.Closing.ClosingRecord>(Vmre.Common.Signing.DocumentKinds.ClosingRecord,
            Vmre.Common.Signing.PublicKey.FromPem(Rig.DeviceKey.PublicKeyPem)).ValueOrThrow();
        Assert.Equal(1, record.AcceptanceMarksTorn);
        Assert.Equal(1, record.VotesSealed);
    }
}
