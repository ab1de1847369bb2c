using System.Text;
using Vmre.Common.Acta;
using Vmre.Common.Closing;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Firmware.Printing;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Closing;

/// <summary>Brief section 2.5: verified closing records are added up into a signed, printed acta.</summary>
public class ClosingTests
{
    private static async Task<(int, PollsCloseResponse?)> Close(TestModule m) =>
        await m.Post<PollsCloseResponse>(ServerRoutes.PollsClose, new { }, await m.SignIn("PRES-01"));

    private static ContestTally Gob05(params (string Key, int Count)[] lines) =>
        new("GOB-05", lines.Select(l => new TallyLine(l.Key, l.Count)).ToArray());

    [Fact]
    public async Task Tallies_of_two_terminals_are_summed_into_the_acta_in_figures_and_words()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        module.Terminals[0].Contests = [Gob05(("PAN", 21), ("PAN+PRI", 1), ("CNR", 2))];
        module.Terminals[0].VotesSealed = 24;
        module.Terminals[1].Contests = [Gob05(("PAN", 100), ("PAN+PRI", 2), ("NULO", 3), ("MORENA", 5))];
        module.Terminals[1].VotesSealed = 110;

        var (status, _) = await Close(module);
        Assert.Equal(200, status);

        var acta = await module.Acta();
        var gob = acta.Contests.Single(c => c.ContestId == "GOB-05");
        ActaLine Line(string key) => gob.Lines.Single(l => l.Key == key);
        Assert.Equal(new ActaLine("PAN", "Partido Acción Nacional", 121, "ciento veintiuno"), Line("PAN"));
        Assert.Equal(new ActaLine("PAN+PRI", "Combinación PAN-PRI", 3, "tres"), Line("PAN+PRI"));
        Assert.Equal(new ActaLine("CNR", "Candidaturas no registradas", 2, "dos"), Line("CNR"));
        Assert.Equal(new ActaLine("NULO", "Votos nulos", 3, "tres"), Line("NULO"));
        Assert.Equal(new ActaLine("PAN+PRI+PRD", "Combinación PAN-PRI-PRD", 0, "cero"), Line("PAN+PRI+PRD"));
        Assert.Equal(11, gob.Lines.Count);
        Assert.Equal(134, gob.Total);
        Assert.Equal("ciento treinta y cuatro", gob.TotalWords);
        Assert.Equal(["T1", "T2"], acta.Terminals);

        var signed = SignedDocument.ReadFile(Path.Combine(module.Dir, "acta.signed.json")).ValueOrThrow()
            .Open<Acta>(DocumentKinds.Acta, PublicKey.FromPem(module.ServerKey.PublicKeyPem));
        Assert.True(signed.IsOk, signed.Error);
        Assert.Equal(134, signed.Value!.Contests[0].Total);
        // rules.md R5 and R7: the server's log, acta included, is sealed with the server key.
        var seal = Vmre.Common.Logging.LogSealVerifier.Verify(Path.Combine(module.Dir, "events.jsonl"),
            Path.Combine(module.Dir, "events.seal.json"), PublicKey.FromPem(module.ServerKey.PublicKeyPem));
        Assert.True(seal.IsOk, seal.Error);
        Assert.Contains(module.LogLines().Take((int)seal.Value!.SealedEntries), l => l.Contains("\"acta-printed\""));
        Assert.Contains("\"log-sealed\"", module.LogLines()[(int)seal.Value.SealedEntries]);

        var ticket = module.Printer.Tickets.Single();
        Assert.True(Contains(ticket, CodePage858.GetBytes(ActaTicketTitle)));
        Assert.True(Contains(ticket, Encoding.UTF8.GetBytes("VMRE-P1|MRV-CHI|" + module.PackageHash[..8] + "|GOB-05:PAN=121,PRI=0")));
    }

    private const string ActaTicketTitle = "ACTA DE ESCRUTINIO Y";

    [Fact]
    public async Task A_full_day_reconciles_and_unused_activations_are_stated()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var a = await module.CheckIn(desk, TestElection.Voters[0].Clave);
        var b = await module.CheckIn(desk, TestElection.Voters[1].Clave);
        var c = await module.CheckIn(desk, TestElection.Voters[2].Clave);
        await module.CheckIn(desk, TestElection.Voters[3].Clave); // walks away: never used
        foreach (var (token, terminal) in new[] { (a, "T1"), (c, "T1"), (b, "T2") })
            Assert.True((await module.Terminal(terminal).RedeemAsync(module.Redeem(token, terminal))).Value!.Accepted);

        var t1 = module.Terminals[0];
        (t1.VotesSealed, t1.TestigosPrinted, t1.TestigosVoided, t1.ActivationsRedeemed) = (2, 3, 1, 2);
        t1.Contests = [Gob05(("PAN+PRI", 1)), new ContestTally("GOB-15", [new TallyLine("NULO", 1)])];
        var t2 = module.Terminals[1];
        (t2.VotesSealed, t2.TestigosPrinted, t2.ActivationsRedeemed) = (1, 1, 1);
        t2.Contests = [Gob05(("CNR", 1))];

        var (_, closed) = await Close(module);
        Assert.True(closed!.Reconciled, string.Join("; ", closed.Discrepancies));
        Assert.Equal(["1 activations issued but never used"], closed.Discrepancies);
        var acta = await module.Acta();
        Assert.Equal(new Reconciliation(4, 4, 3, 3, 4, 1, true, ["1 activations issued but never used"])
            with { Discrepancies = acta.Reconciliation.Discrepancies, ByStyle = acta.Reconciliation.ByStyle }, acta.Reconciliation);
        // Issue 9 point 6: per ballot style, check-ins and activations next to the votes sealed.
        Assert.Equal([new StyleReconciliation("E05", 3, 3, 2, 2), new StyleReconciliation("E15", 1, 1, 1, 1)], acta.Reconciliation.ByStyle!);
        Assert.Equal(Acta.FormatV4, acta.Format);
        Assert.Equal(PaperRule.Text, acta.PaperRule);
        Assert.Equal(1, acta.Contests.Single(x => x.ContestId == "GOB-15").Total);

        var lookup = (await module.Client(desk).LookUp(new CheckInLookupRequest(null, TestElection.Voters[4].Clave))).Value;
        Assert.Equal(CheckInOutcome.PollsNotOpen, lookup!.Outcome);
        var (again, error) = await module.Post<ErrorBody>(ServerRoutes.PollsClose, new { }, await module.SignIn("PRES-01"));
        Assert.Equal(409, again);
        Assert.Equal("polls already closed", error!.Error);
        var (reopen, reopenError) = await module.Post<ErrorBody>(ServerRoutes.PollsOpen, new { }, await module.SignIn("PRES-01"));
        Assert.Equal(409, reopen);
        Assert.Equal("polls are closed", reopenError!.Error);
    }

    [Fact]
    public async Task A_badly_signed_record_is_refused_not_counted_and_named()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        module.Terminals[0].Contests = [Gob05(("MORENA", 7))];
        module.Terminals[0].VotesSealed = 7;
        module.Terminals[1].Contests = [Gob05(("MORENA", 1000))];
        module.Terminals[1].VotesSealed = 1000;
        module.Terminals[1].SignWith = SoftwareSigningKey.Generate();

        var (_, closed) = await Close(module);
        Assert.False(closed!.Reconciled);
        Assert.False(closed.Terminals.Single(t => t.TerminalId == "T2").RecordOk);
        Assert.Contains(closed.Discrepancies, d => d.StartsWith("terminal T2: closing record refused and not counted"));
        var acta = await module.Acta();
        Assert.Equal(7, acta.Contests[0].Lines.Single(l => l.Key == "MORENA").Votes);
        Assert.Equal(["T1"], acta.Terminals);
        Assert.Contains(module.LogLines(), l => l.Contains("closing-record-refused") && l.Contains("T2"));
        Assert.False(File.Exists(Path.Combine(module.Dir, "closing-records", "T2.signed.json")));
    }

    [Theory]
    [InlineData(ClosingRecord.FormatV1)]
    [InlineData(ClosingRecord.FormatV2)]
    [InlineData(ClosingRecord.FormatV3)]
    public async Task A_closing_record_before_version_3_is_refused_by_name_even_when_well_signed(string format)
    {
        // docs/formats/closing-record.md: v1 cannot state sessions without a vote, v2 has no votes
        // per ballot style (issue 9 point 6); the server counts only v3 (rules.md R5: what fails is never counted).
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        module.Terminals[0].Contests = [Gob05(("MORENA", 7))];
        module.Terminals[0].VotesSealed = 7;
        module.Terminals[1].Contests = [Gob05(("MORENA", 1000))];
        module.Terminals[1].VotesSealed = 1000;
        module.Terminals[1].EditClosingRecord = r => r with { Format = format };

        var (_, closed) = await Close(module);
        Assert.False(closed!.Reconciled);
        Assert.False(closed.Terminals.Single(t => t.TerminalId == "T2").RecordOk);
        Assert.Contains($"terminal T2: closing record refused and not counted (closing record format '{format}' is not {ClosingRecord.FormatV4})",
            closed.Discrepancies);
        var acta = await module.Acta();
        Assert.Equal(7, acta.Contests[0].Lines.Single(l => l.Key == "MORENA").Votes);
        Assert.Equal(["T1"], acta.Terminals);
        Assert.Contains(module.LogLines(), l => l.Contains("closing-record-refused") && l.Contains(format));
    }

    [Fact]
    public async Task A_session_that_ended_without_a_vote_reconciles_and_is_stated()
    {
        await using var module = await TestModule.Started(terminals: 1);
        await module.OpenPolls();
        var desk = await module.SignIn();
        foreach (var voter in TestElection.Voters.Take(2))
        {
            var token = await module.CheckIn(desk, voter.Clave);
            Assert.True((await module.Terminal("T1").RedeemAsync(module.Redeem(token, "T1"))).Value!.Accepted);
        }
        var t = module.Terminals[0];
        // One voter voted; the other's session ended without a vote after a jam voided their testigo.
        (t.VotesSealed, t.TestigosPrinted, t.TestigosVoided, t.ActivationsRedeemed, t.SessionsWithoutVote) = (1, 2, 1, 2, 1);
        t.Contests = [Gob05(("PAN", 1))];

        var (_, closed) = await Close(module);
        Assert.True(closed!.Reconciled, string.Join("; ", closed.Discrepancies));
        Assert.Contains("1 voting sessions ended without a vote (cancelled, timed out, interrupted or cut by a power loss)", closed.Discrepancies);
    }

    [Fact]
    public async Task Reconciliation_names_each_difference()
    {
        await using var module = await TestModule.Started(terminals: 1);
        await module.OpenPolls();
        var desk = await module.SignIn();
        var a = await module.CheckIn(desk, TestElection.Voters[0].Clave);
        await module.Post<RedeemResponse>(ServerRoutes.RedeemActivation, module.Redeem(a, "T1"));
        var t = module.Terminals[0];
        (t.VotesSealed, t.TestigosPrinted, t.ActivationsRedeemed) = (2, 1, 1);
        t.Contests = [Gob05(("PAN", 2))];

        var (_, closed) = await Close(module);
        Assert.False(closed!.Reconciled);
        Assert.Contains("terminals redeemed 1 activations but sealed 2 votes and ended 0 sessions without a vote", closed.Discrepancies);
        Assert.Contains("1 testigos printed, expected 2 (2 votes sealed + 0 testigos voided)", closed.Discrepancies);
    }

    [Fact]
    public async Task A_record_with_a_line_outside_the_package_is_refused_whole()
    {
        await using var module = await TestModule.Started(terminals: 1);
        await module.OpenPolls();
        module.Terminals[0].Contests = [Gob05(("PAN", 1), ("PAN+MORENA", 1))];
        module.Terminals[0].VotesSealed = 2;
        var (_, closed) = await Close(module);
        Assert.Contains("tally key PAN+MORENA is not a line of contest GOB-05", closed!.Terminals[0].Reason);
        var acta = await module.Acta();
        Assert.Equal(0, acta.Contests[0].Total);
    }

    [Fact]
    public async Task No_acta_before_closing()
    {
        await using var module = await TestModule.Started();
        var response = await module.Http.GetAsync(ServerRoutes.Acta);
        Assert.Equal(404, (int)response.StatusCode);
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;
}
