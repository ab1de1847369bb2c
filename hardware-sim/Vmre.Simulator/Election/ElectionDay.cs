using Vmre.Simulator.Clients;
using System.Diagnostics;
using Vmre.Common.Election;
using Vmre.Common.Protocol;
using Vmre.Simulator.Faults;
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
        var wrong = await rig.Server.OpenPolls(new OfficialCredential(SimOfficial.Presidente.CredentialId, "000000"));
        findings.Check(!wrong.IsOk, $"opening with a wrong PIN refused: {wrong.Error}");
        var open = await rig.Server.OpenPolls(new OfficialCredential(SimOfficial.Presidente.CredentialId, SimOfficial.Presidente.Pin));
        var opened = open.Expect("open the polls");
        findings.Check(opened.State == PollsState.Open && opened.Terminals.All(t => t.ZeroReportOk),
            $"polls open after {opened.Terminals.Count} zero reports with all counters at zero");
        var session = await rig.Server.SignIn(
            new OfficialCredential(SimOfficial.Escrutador.CredentialId, SimOfficial.Escrutador.Pin));
        rig.Server.Bearer = session.Expect("desk official signs in").Token;
    }

    /// <summary>Voters whose session ended without a vote (the power cut): they checked in, their activation was burned.</summary>
    public int SessionsWithoutVote { get; private set; }

    /// <summary>Testigos that printed (whole or torn) and were voided, each owed a voiding notice.</summary>
    public int TestigosVoided { get; private set; }

    public async Task Vote(VoterPlan plan)
    {
        say($"voting: {plan.Voters.Count} voters at {rig.Terminals.Count} terminals, with a printer jam, a rejected testigo, a power cut and an opened cover");
        var faults = new FaultsOfTheDay(rig, findings, say);
        var buttons = 0;
        for (var i = 0; i < plan.Voters.Count; i++)
        {
            var voter = plan.Voters[i];
            if (i == plan.CoverOpensBefore) await faults.CoverOpensAtIdle(rig.Terminals[^1]);
            var clock = Stopwatch.StartNew();
            var token = await CheckIn(voter);
            FirstToken ??= token;
            var terminal = rig.Terminals[voter.Terminal];
            if (voter == plan.Voters[^1]) await ImpostorTriesToBurn(token, terminal.Id);
            terminal.Scanner!.Scan(token);
            rig.HardwareLog.Append("scanner-read", null, new() { ["scanner"] = terminal.Id, ["kind"] = "activation-code" });
            var booth = new VoterAtTerminal(rig, terminal);
            await booth.WaitFor("Selecting", "a ballot should open after the activation was scanned");
            var voted = true;
            switch (voter.Act)
            {
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
            // Software time per ordinary voter; the faults' voters wait for officials, which is not the software's pace.
            if (voter.Act is VoterAct.Screen or VoterAct.Button) SecondsPerVoter.Add(clock.Elapsed.TotalSeconds);
        }
        findings.Check(true, $"{VotesCast} voters checked in, activated by scanned code, voted and accepted their testigo"
            + $" ({buttons} of them confirmed and accepted with the physical confirm button); {SessionsWithoutVote} session ended without a vote");
    }

    private static async Task CastOnScreen(VoterAtTerminal booth, IReadOnlyList<Marking> markings)
    {
        await booth.Select(markings);
        await booth.ConfirmOnScreen();
        booth.LookAtTestigo(markings);
        await booth.AcceptOnScreen();
    }

    /// <summary>The urna 7.0's way: the selection on the screen, then the physical button to confirm and again to accept.</summary>
    private static async Task CastWithButton(VoterAtTerminal booth, IReadOnlyList<Marking> markings)
    {
        await booth.Select(markings);
        await booth.WaitFor("Reviewing", "the review should show before the button confirms");
        await booth.ConfirmWithButton();
        booth.LookAtTestigo(markings);
        await booth.AcceptWithButton();
    }

    /// <summary>
    /// A machine on the module LAN posing as a terminal tries to burn a fresh, unused activation:
    /// it has no certificate from a paired terminal's key, so the server's LAN face refuses it at the
    /// TLS handshake (issue 8 point 2); nothing is burned and the voter still votes with it (rules.md R4).
    /// </summary>
    private async Task ImpostorTriesToBurn(string token, string terminalId)
    {
        var impostor = RedeemRequest.Sign(token, terminalId, Vmre.Common.Signing.SoftwareSigningKey.Generate());
        using var identity = Vmre.Common.Lan.LanIdentity.Mint(terminalId, Vmre.Common.Signing.SoftwareSigningKey.Generate(), TimeProvider.System);
        var server = new Vmre.Common.Lan.PairedPeers(new Dictionary<string, Vmre.Common.Signing.PublicKey> { [rig.Options.ModuleId] = rig.ServerPublicKey });
        using var http = new HttpClient(Vmre.Common.Lan.LanTls.ClientHandler(identity, server, _ => { })) { BaseAddress = new Uri(rig.ServerLanUrl) };
        string outcome;
        try
        {
            var posing = await new ModuleServerClient(http).RedeemAsync(impostor);
            outcome = posing.IsOk ? $"answered: accepted={posing.Value!.Accepted}" : "answered: " + posing.Error;
        }
        catch (HttpRequestException)
        {
            // TLS 1.3: the client learns of the refusal only as a closed connection; the reason is the server's.
            var logged = File.ReadLines(Path.Combine(rig.ServerDir, "events.jsonl")).LastOrDefault(l => l.Contains("\"lan-peer-refused\"", StringComparison.Ordinal));
            outcome = "refused at the TLS handshake" + (logged is null ? " (not logged!)" : ", logged by the server: " + ReasonOf(logged));
        }
        findings.Check(outcome.StartsWith("refused at the TLS handshake, logged", StringComparison.Ordinal),
            $"redemption of a fresh activation by an impostor posing as {terminalId} on the module LAN: {outcome}");
    }

    private static string ReasonOf(string logLine) =>
        System.Text.Json.JsonDocument.Parse(logLine).RootElement.GetProperty("data").GetProperty("reason").GetString() ?? "";

    private async Task<string> CheckIn(SimulatedVoter voter)
    {
        var lookup = voter.ScansCredential
            ? new CheckInLookupRequest(CredentialScan.Mrz(voter.Person), null)
            : new CheckInLookupRequest(null, voter.Person.Clave);
        var found = (await rig.Server.LookUp(lookup)).Expect("check-in lookup");
        if (found.Outcome != CheckInOutcome.Eligible || found.Voter is null)
            throw new SimulationFailure($"voter {voter.Person.Clave} expected eligible, desk said {found.Outcome}: {found.Reason}");
        var confirmed = (await rig.Server.ConfirmCheckIn(new CheckInConfirmRequest(found.Voter.Clave)))
            .Expect("check-in confirm");
        return confirmed.ActivationToken ?? throw new SimulationFailure($"no activation issued: {confirmed.Outcome} {confirmed.Reason}");
    }
}
