using Vmre.Simulator.Clients;
using System.Diagnostics;
using Vmre.Common.Election;
using Vmre.Common.Protocol;
using Vmre.Simulator.Faults;
using Vmre.Simulator.Intruder;
using Vmre.Simulator.Voters;

namespace Vmre.Simulator.Election;

/// <summary>
/// The jornada electoral, scripted (brief section 2): opening with zero reports on the
/// presidente's desk session (card on the desk reader and PIN, issue 11), check-in at the desk, voting at the terminals, the refusals
/// the module must make, and closing with the acta. Every expectation is checked, not assumed.
/// </summary>
public sealed class ElectionDay(ModuleRig rig, Findings findings, Action<string> say)
{
    public Tally Expected { get; } = new(rig.Package);
    public int VotesCast { get; private set; }

    /// <summary>Votes cast per ballot style (the voter's entidad gives it), to reconcile the paper per style (issue 9 point 2).</summary>
    public Dictionary<string, int> VotesByStyle { get; } = new(StringComparer.Ordinal);
    public string? FirstToken { get; private set; }
    public List<double> SecondsPerVoter { get; } = [];

    public async Task Open()
    {
        say("opening: the presidente's card on the desk reader; a wrong PIN first, then the right one; open with the session and the card");
        var desk = new OfficialAtTheDesk(rig);
        var unsigned = await rig.Server.OpenPolls();
        findings.Check(!unsigned.IsOk, $"opening without a desk session refused: {unsigned.Error}");
        var wrong = await desk.SignIn(SimOfficial.Presidente, "000000");
        findings.Check(!wrong.IsOk, $"the presidente's card with a wrong PIN refused: {wrong.Error}");
        (await desk.SignIn(SimOfficial.Presidente, SimOfficial.Presidente.Pin)).Expect("the presidente signs in with card and PIN");
        var open = await rig.Server.OpenPolls();
        var opened = open.Expect("open the polls");
        findings.Check(opened.State == PollsState.Open && opened.Terminals.All(t => t.ZeroReportOk),
            $"polls open after {opened.Terminals.Count} zero reports with all counters at zero, on the presidente's session with the card on the desk reader");
        await desk.SignOut();
        (await desk.SignIn(SimOfficial.Escrutador, SimOfficial.Escrutador.Pin)).Expect("the escrutador signs in at the desk with card and PIN");
    }

    /// <summary>Voters whose session ended without a vote (the power cut): they checked in, their activation was burned.</summary>
    public int SessionsWithoutVote { get; private set; }

    /// <summary>Testigos that printed (whole or torn) and were voided, each owed its ANULADO mark.</summary>
    public int TestigosVoided { get; private set; }

    public async Task Vote(VoterPlan plan)
    {
        say($"voting: {plan.Voters.Count} voters at {rig.Terminals.Count} terminals, with a printer jam, a rejected testigo, a power cut and an opened cover");
        var faults = new FaultsOfTheDay(rig, findings, say);
        // Issue 8 point 6: the LAN intruder acts while the last on-screen voter has marked.
        var intruder = new LanIntruder(rig, findings);
        var watched = plan.Voters.LastOrDefault(v => v.Act == VoterAct.Screen);
        var buttons = 0;
        for (var i = 0; i < plan.Voters.Count; i++)
        {
            var voter = plan.Voters[i];
            if (i == plan.CoverOpensBefore) await faults.CoverOpensAtIdle(rig.Terminals[^1]);
            var clock = Stopwatch.StartNew();
            RoomWatcher.Sees(rig.Options, voter, rig.Terminals[voter.Terminal].Id);
            var token = await CheckIn(voter);
            FirstToken ??= token;
            var terminal = rig.Terminals[voter.Terminal];
            if (voter == watched) await intruder.TriesToBurn(token, terminal.Id);
            terminal.Scanner!.Scan(token);
            // No timed line per read (rules.md R3, review of issue 9): a scanner-read with its time
            // per voter would publish when each session began. The simulator's other device events
            // (wiring, printer notices) keep their lines; the terminal counts redemptions per hour.
            var booth = new VoterAtTerminal(rig, terminal);
            await booth.WaitFor("Selecting", "a ballot should open after the activation was scanned");
            var voted = true;
            switch (voter.Act)
            {
                case VoterAct.Screen when voter == watched: await CastWithIntruderOnTheLan(booth, terminal, intruder, voter.Markings); break;
                case VoterAct.Screen: await CastOnScreen(booth, voter.Markings); break;
                case VoterAct.Button: await CastWithButton(booth, voter.Markings); buttons++; break;
                case VoterAct.PrinterJams: await faults.PrinterJams(booth, terminal, voter.Markings); TestigosVoided++; break;
                case VoterAct.RejectsOnce: await faults.RejectsOnce(booth, terminal, voter.Markings); TestigosVoided++; break;
                case VoterAct.PowerCut:
                    await faults.PowerCut(booth, terminal, voter.Markings);
                    TestigosVoided++;
                    SessionsWithoutVote++;
                    voted = false; // rules.md R6: never accepted, so never a vote; the expected tally leaves it out
                    break;
                default: throw new ArgumentOutOfRangeException(nameof(plan), voter.Act, "unknown voter act");
            }
            if (!voted) continue;
            foreach (var marking in voter.Markings) Expected.Count(marking);
            VotesCast++;
            var style = rig.Package.StyleForEntidad(voter.Person.Entidad)!.Id;
            VotesByStyle[style] = VotesByStyle.GetValueOrDefault(style) + 1;
            // Software time per ordinary voter; the faults' voters wait for officials, which is not the software's pace.
            // The button voter's modelled reading pause is the voter's time, not the software's.
            var voterPause = voter.Act == VoterAct.Button ? VoterAtTerminal.ReadingTheTestigo : TimeSpan.Zero;
            if (voter.Act is VoterAct.Screen or VoterAct.Button) SecondsPerVoter.Add((clock.Elapsed - voterPause).TotalSeconds);
        }
        findings.Check(true, $"{VotesCast} voters checked in, activated by scanned code, voted and accepted their testigo"
            + $" ({buttons} of them confirmed and accepted with the physical confirm button); {SessionsWithoutVote} session ended without a vote");
    }

    private static async Task CastOnScreen(VoterAtTerminal booth, IReadOnlyList<Marking> markings)
    {
        await booth.Select(markings);
        await booth.ConfirmOnScreen();
        await booth.AcceptOnScreen();
        booth.TakeAcceptedTestigo(markings);
    }

    /// <summary>
    /// The voter marks; the intruder tries everything from the LAN (issue 8 point 6); the voter's
    /// session goes on untouched: their own review, their own testigo, accepted and counted.
    /// </summary>
    private async Task CastWithIntruderOnTheLan(VoterAtTerminal booth, SimTerminal terminal, LanIntruder intruder, IReadOnlyList<Marking> markings)
    {
        await booth.Select(markings);
        say($"LAN intruder: while a voter has marked at {terminal.Id}, it tries to read, change, confirm, cancel, replay, pose and speak plain HTTP");
        await intruder.TriesWhileMarked(terminal);
        await booth.WaitFor("Reviewing", "the voter's session should be untouched by the LAN intruder");
        await booth.ConfirmOnScreen();
        await booth.AcceptOnScreen();
        booth.TakeAcceptedTestigo(markings); // throws unless the testigo shows exactly the voter's own marks
        findings.Check(true, $"after the LAN intruder's attempts the voter at {terminal.Id} still reviewed their own marks, "
            + "confirmed and accepted, and their testigo shows exactly them: the vote counts in the acta");
    }

    /// <summary>The urna 7.0's way: the selection on the screen, then the physical button to confirm and again to accept.</summary>
    private static async Task CastWithButton(VoterAtTerminal booth, IReadOnlyList<Marking> markings)
    {
        await booth.Select(markings);
        await booth.WaitFor("Reviewing", "the review should show before the button confirms");
        await booth.ConfirmWithButton();
        await booth.AcceptWithButton();
        booth.TakeAcceptedTestigo(markings);
    }

    private async Task<string> CheckIn(SimulatedVoter voter)
    {
        var lookup = voter.ScansCredential
            ? new CheckInLookupRequest(CredentialScan.Mrz(voter.Person), null)
            : new CheckInLookupRequest(null, voter.Person.Clave);
        var found = (await rig.Server.LookUp(lookup)).Expect("check-in lookup");
        if (found.Outcome != CheckInOutcome.Eligible || found.Voter is null)
            throw new SimulationFailure($"voter {voter.Person.Clave} expected eligible, desk said {found.Outcome}: {found.Reason}");
        var confirmed = (await rig.Server.ConfirmCheckIn(CheckInConfirmRequest.Fresh(found.Voter.Clave)))
            .Expect("check-in confirm");
        return confirmed.ActivationToken ?? throw new SimulationFailure($"no activation issued: {confirmed.Outcome} {confirmed.Reason}");
    }
}
