using System.Diagnostics;
using Vmre.Common.Election;
using Vmre.Common.Protocol;
using Vmre.Simulator.Voters;

namespace Vmre.Simulator.Election;

/// <summary>
/// The jornada electoral, scripted (brief section 2): opening with zero reports on an
/// official's credential and PIN, check-in at the desk, voting at the terminals, the refusals
/// the module must make, and closing with the acta. Every expectation is checked, not assumed.
/// </summary>
public sealed class ElectionDay(ModuleRig rig, Findings findings, Action<string> say)
{
    public Tally Expected { get; } = new(rig.Package);
    public int VotesCast { get; private set; }
    public string? FirstToken { get; private set; }
    public List<double> SecondsPerVoter { get; } = [];

    public async Task Open()
    {
        say("opening: a wrong PIN first, then the presidente's credential and PIN");
        var wrong = await rig.Server.Post<PollsOpenResponse>("/api/polls/open", new OfficialCredential(SimOfficial.Presidente.CredentialId, "000000"));
        findings.Check(!wrong.Ok, $"opening with a wrong PIN refused: {wrong.Refusal}");
        var open = await rig.Server.Post<PollsOpenResponse>("/api/polls/open", new OfficialCredential(SimOfficial.Presidente.CredentialId, SimOfficial.Presidente.Pin));
        var opened = open.Expect("open the polls");
        findings.Check(opened.State == PollsState.Open && opened.Terminals.All(t => t.ZeroReportOk),
            $"polls open after {opened.Terminals.Count} zero reports with all counters at zero");
        var session = await rig.Server.Post<OfficialSession>("/api/officials/session",
            new OfficialCredential(SimOfficial.Escrutador.CredentialId, SimOfficial.Escrutador.Pin));
        rig.Server.Bearer = session.Expect("desk official signs in").Token;
    }

    public async Task Vote(VoterPlan plan)
    {
        say($"voting: {plan.Voters.Count} voters at {rig.Terminals.Count} terminals");
        foreach (var voter in plan.Voters)
        {
            var clock = Stopwatch.StartNew();
            var token = await CheckIn(voter);
            FirstToken ??= token;
            var terminal = rig.Terminals[voter.Terminal];
            if (voter == plan.Voters[^1]) await ImpostorTriesToBurn(token, terminal.Id);
            terminal.Scanner!.Scan(token);
            rig.HardwareLog.Append("scanner-read", null, new() { ["scanner"] = terminal.Id, ["kind"] = "activation-code" });
            await WaitForBallot(terminal);
            await CastAt(terminal, voter.Markings);
            foreach (var marking in voter.Markings) Expected.Count(marking);
            VotesCast++;
            SecondsPerVoter.Add(clock.Elapsed.TotalSeconds);
        }
        findings.Check(true, $"{VotesCast} voters checked in, activated by scanned code, voted and accepted their testigo");
    }

    /// <summary>
    /// A machine on the module LAN posing as a terminal tries to burn a fresh, unused activation:
    /// its request is not signed by that terminal's TPM key, so nothing is burned and the voter
    /// still votes with it (brief rule 4; the activation is new, so only the signature check can refuse).
    /// </summary>
    private async Task ImpostorTriesToBurn(string token, string terminalId)
    {
        var impostor = RedeemRequest.Sign(token, terminalId, Vmre.Common.Signing.SoftwareSigningKey.Generate());
        var posing = await rig.Server.Post<RedeemResponse>("/api/activations/redeem", impostor);
        findings.Check(posing.Value is { Accepted: false } && posing.Value.Reason!.Contains("not signed"),
            $"redemption of a fresh activation by an impostor posing as {terminalId} refused: {posing.Value?.Reason ?? posing.Refusal}");
    }

    private async Task<string> CheckIn(SimulatedVoter voter)
    {
        var lookup = voter.ScansCredential
            ? new CheckInLookupRequest(CredentialScan.Mrz(voter.Person), null)
            : new CheckInLookupRequest(null, voter.Person.Clave);
        var found = (await rig.Server.Post<CheckInLookupResponse>("/api/checkin/lookup", lookup)).Expect("check-in lookup");
        if (found.Outcome != CheckInOutcome.Eligible || found.Voter is null)
            throw new SimulationFailure($"voter {voter.Person.Clave} expected eligible, desk said {found.Outcome}: {found.Reason}");
        var confirmed = (await rig.Server.Post<CheckInConfirmResponse>("/api/checkin/confirm", new CheckInConfirmRequest(found.Voter.Clave)))
            .Expect("check-in confirm");
        return confirmed.ActivationToken ?? throw new SimulationFailure($"no activation issued: {confirmed.Outcome} {confirmed.Reason}");
    }

    private static async Task WaitForBallot(SimTerminal terminal)
    {
        for (var i = 0; i < 150; i++)
        {
            var state = (await terminal.Api.Get<TerminalState>("/api/state")).Expect("terminal state");
            if (state.Session == "Selecting") return;
            await Task.Delay(100);
        }
        throw new SimulationFailure($"{terminal.Id} did not open a ballot after the activation was scanned");
    }

    /// <summary>The voter's side of the terminal, through the ballot page's own endpoints.</summary>
    private async Task CastAt(SimTerminal terminal, IReadOnlyList<Marking> markings)
    {
        var ballot = (await terminal.Api.Get<BallotView>("/api/ballot")).Expect("ballot");
        if (ballot.Contests.Count != markings.Count) throw new SimulationFailure("ballot shows the wrong contests");
        var selection = new SelectionRequest(markings.Select(m => new ContestSelection(m.ContestId,
            m.Kind == MarkingKind.Parties ? m.PartyCodes : [], m.Kind == MarkingKind.WriteIn ? m.WriteInName : null)).ToArray());
        (await terminal.Api.Post<ReviewView>("/api/selection", selection)).Expect("selection");
        (await terminal.Api.Post<ReviewView>("/api/confirm")).Expect("confirm and print");
        // The voter looks at the paper: its QR must carry exactly what they marked (brief rule 1).
        var paper = rig.Tray.TakeTestigo(terminal.Id, TimeSpan.FromSeconds(20));
        var read = PaperRecount.ReadTestigo(paper.Png);
        if (read is null || !read.Contests.Select(Vmre.Common.Election.TestigoMarkings.FromMarks).SequenceEqual(markings, MarkingComparer.Instance))
            throw new SimulationFailure($"{terminal.Id}: the printed testigo does not show the voter's selection");
        (await terminal.Api.Post<string>("/api/accept")).Expect("accept the testigo");
    }
}
