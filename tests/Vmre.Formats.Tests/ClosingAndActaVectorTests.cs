using System.Text.Json;
using Vmre.Common.Acta;
using Vmre.Common.Closing;
using Vmre.Common.Election;
using Vmre.Common.Serialization;
using Vmre.ModuleServer.Counting;
using Vmre.Provisioning.ElectionPackages;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-closing-record/1` and `vmre-acta/1` (docs/formats/closing-record.md, acta.md): parse
/// vectors taken from a real `./vmre demo` run (terminal T-CHI-01's closing-record payload and
/// the module's acta.json, 24 votes at two terminals), against the demo election package.
/// </summary>
public class ClosingAndActaVectorTests
{
    private static readonly ElectionPackage Package = DemoElection.Pel2023();

    private static ClosingRecord Record => Vectors.Parse<ClosingRecord>("closing-record.payload.json");

    private static Acta ActaVector => Vectors.Parse<Acta>("acta.json");

    [Fact]
    public void Closing_record_parses_with_every_field_populated()
    {
        var r = Record;
        Assert.Equal("vmre-closing-record/1", r.Format);
        Assert.Equal(ClosingRecord.FormatV1, r.Format);
        Assert.Equal(("T-CHI-01", "MRV-CHI"), (r.TerminalId, r.ModuleId));
        Assert.Equal(ElectionPackageVectorTests.DemoPackageHash, r.PackageHash);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", r.Utc);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", r.Local);
        Assert.Matches("^[0-9a-f]{32}$", r.CommandNonce);
        Assert.Matches("^[0-9a-f]{64}$", r.LogHead);
        Assert.Equal((12, 12, 0, 12), (r.VotesSealed, r.TestigosPrinted, r.TestigosVoided, r.ActivationsRedeemed));
        Assert.Equal(["GOB-05", "GOB-15"], r.Contests.Select(c => c.ContestId));
    }

    [Fact]
    public void Closing_record_lines_are_acta_lines_and_add_up()
    {
        var r = Record;
        foreach (var contest in r.Contests)
        {
            var allowed = BallotRules.ActaLines(Package.Contest(contest.ContestId)).Select(l => l.Key).ToList();
            Assert.All(contest.Lines, l => Assert.Contains(l.Key, allowed));
            Assert.Equal(contest.Lines.Count, contest.Lines.Select(l => l.Key).Distinct().Count());
            Assert.All(contest.Lines, l => Assert.True(l.Count >= 0));
        }
        // The payload carries each contest's derived total; it equals the sum of its lines.
        using var doc = JsonDocument.Parse(Vectors.Bytes("closing-record.payload.json"));
        var totals = doc.RootElement.GetProperty("contests").EnumerateArray().Select(c => c.GetProperty("total").GetInt32()).ToList();
        Assert.Equal(r.Contests.Select(c => c.Lines.Sum(l => l.Count)), totals);
        Assert.Equal([3, 9], totals);
        // Each ballot style of the demo package has one contest: one line per sealed vote.
        Assert.Equal(r.VotesSealed, totals.Sum());
        Assert.Equal(r.TestigosPrinted, r.VotesSealed + r.TestigosVoided);
        Assert.Equal(r.ActivationsRedeemed, r.VotesSealed);
    }

    [Fact]
    public void Acta_parses_with_every_field_populated()
    {
        var a = ActaVector;
        Assert.Equal("vmre-acta/1", a.Format);
        Assert.Equal(Acta.FormatV1, a.Format);
        Assert.Equal((DemoElection.ElectionId, DemoElection.Name, "MRV-CHI", "Chicago"), (a.ElectionId, a.ElectionName, a.ModuleId, a.ModuleName));
        Assert.Equal(ElectionPackageVectorTests.DemoPackageHash, a.PackageHash);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", a.Utc);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", a.Local);
        Assert.Equal(["T-CHI-01", "T-CHI-02"], a.Terminals);
        Assert.Equal(["GOB-05", "GOB-15"], a.Contests.Select(c => c.ContestId));
        Assert.Equal(Package.Contests.Select(c => c.Title), a.Contests.Select(c => c.Title));
    }

    [Fact]
    public void Acta_lists_every_line_in_acta_order_with_its_label()
    {
        foreach (var contest in ActaVector.Contests)
        {
            var expected = BallotRules.ActaLines(Package.Contest(contest.ContestId));
            Assert.Equal(expected.Select(l => l.Key), contest.Lines.Select(l => l.Key));
            Assert.Equal(expected.Select(l => ActaLabels.Of(Package, l)), contest.Lines.Select(l => l.Label));
        }
        var gob05 = ActaVector.Contests[0].Lines;
        Assert.Equal(new ActaLine("PAN+PRI", "Combinación PAN-PRI", 0, "cero"), gob05.Single(l => l.Key == "PAN+PRI"));
        Assert.Equal(("CNR", "Candidaturas no registradas"), (gob05[^2].Key, gob05[^2].Label));
        Assert.Equal(("NULO", "Votos nulos"), (gob05[^1].Key, gob05[^1].Label));
    }

    [Fact]
    public void Acta_totals_are_the_sums_and_words_are_the_figures()
    {
        var a = ActaVector;
        foreach (var contest in a.Contests)
        {
            Assert.Equal(contest.Lines.Sum(l => l.Votes), contest.Total);
            Assert.Equal(SpanishNumber.Words(contest.Total), contest.TotalWords);
            Assert.All(contest.Lines, l => Assert.Equal(SpanishNumber.Words(l.Votes), l.Words));
        }
        Assert.Equal([6, 18], a.Contests.Select(c => c.Total));
        Assert.Equal(["seis", "dieciocho"], a.Contests.Select(c => c.TotalWords));
    }

    [Fact]
    public void Acta_reconciliation_is_present_and_consistent()
    {
        var a = ActaVector;
        using var doc = JsonDocument.Parse(Vectors.Bytes("acta.json"));
        var rec = doc.RootElement.GetProperty("reconciliation");
        foreach (var field in new[] { "votersCheckedIn", "activationsIssued", "activationsRedeemed", "votesSealed", "testigosPrinted", "testigosVoided", "reconciled", "discrepancies" })
            Assert.True(rec.TryGetProperty(field, out _), $"reconciliation.{field} missing");

        var r = a.Reconciliation;
        Assert.Equal(new[] { 24, 24, 24, 24, 24, 0 },
            new[] { r.VotersCheckedIn, r.ActivationsIssued, r.ActivationsRedeemed, r.VotesSealed, r.TestigosPrinted, r.TestigosVoided });
        Assert.True(r.Reconciled);
        Assert.Empty(r.Discrepancies);
        Assert.Equal(r.VotesSealed, a.Contests.Sum(c => c.Total));
        Assert.Equal(r.TestigosPrinted, r.VotesSealed + r.TestigosVoided);
    }

    [Fact]
    public void Closing_record_counts_are_part_of_the_acta()
    {
        var acta = ActaVector;
        foreach (var contest in Record.Contests)
        {
            var actaLines = acta.Contests.Single(c => c.ContestId == contest.ContestId).Lines.ToDictionary(l => l.Key, l => l.Votes);
            Assert.All(contest.Lines, l => Assert.True(actaLines[l.Key] >= l.Count, $"{contest.ContestId} {l.Key}"));
        }
        Assert.Contains(Record.TerminalId, acta.Terminals);
    }

    [Fact]
    public void Acta_file_is_indented_json_with_nulls_omitted()
    {
        var text = Vectors.Text("acta.json");
        Assert.StartsWith("{\n  \"format\": \"vmre-acta/1\",", text.Replace("\r\n", "\n"));
        Assert.DoesNotContain("null", text);
        Assert.Equal(VmreJson.Text(ActaVector, indented: true), text.TrimEnd('\n'));
    }
}

/// <summary>The PREP QR payload `VMRE-P1` (docs/formats/acta.md).</summary>
public class PrepCodeVectorTests
{
    [Fact]
    public void Fixed_acta_gives_the_golden_prep_string()
    {
        static ActaLine L(string key, int votes) => new(key, key, votes, SpanishNumber.Words(votes));
        var acta = new Acta(Acta.FormatV1, "PEL-2022-2023-VMRE", "x", "MRV-CHI", "Chicago",
            "9f2c41d0" + new string('0', 56), "2023-06-04T23:00:09Z", "2023-06-04T18:00:09-05:00", ["T1", "T2"],
            [
                new ActaContest("GOB-05", "Gubernatura de Coahuila de Zaragoza",
                    [L("PAN", 121), L("PRI", 0), L("PRD", 0), L("PT", 7), L("PVEM", 0), L("UDC", 0), L("MORENA", 5),
                     L("PAN+PRI+PRD", 0), L("PAN+PRI", 3), L("PAN+PRD", 0), L("PRI+PRD", 0), L("PVEM+UDC", 1), L("CNR", 2), L("NULO", 3)],
                    142, SpanishNumber.Words(142)),
                new ActaContest("GOB-15", "Gubernatura del Estado de México", [L("MORENA", 10), L("CNR", 0), L("NULO", 0)], 10, "diez"),
            ],
            new Reconciliation(152, 152, 152, 152, 152, 0, true, []));

        Assert.Equal(
            "VMRE-P1|MRV-CHI|9f2c41d0|GOB-05:PAN=121,PRI=0,PRD=0,PT=7,PVEM=0,UDC=0,MORENA=5,PAN+PRI+PRD=0,PAN+PRI=3,PAN+PRD=0,PRI+PRD=0,PVEM+UDC=1,CNR=2,NULO=3;GOB-15:MORENA=10,CNR=0,NULO=0",
            PrepCode.Of(acta));
    }

    [Fact]
    public void Demo_acta_gives_the_golden_prep_string()
    {
        var acta = Vectors.Parse<Acta>("acta.json");
        Assert.Equal(
            "VMRE-P1|MRV-CHI|a476d09b|" +
            "GOB-05:PAN=1,PRI=1,PRD=1,PT=1,PVEM=1,UDC=1,MORENA=0,PAN+PRI+PRD=0,PAN+PRI=0,PAN+PRD=0,PRI+PRD=0,PVEM+UDC=0,CNR=0,NULO=0;" +
            "GOB-15:PAN=2,PRI=2,PRD=2,NAEM=2,PT=1,PVEM=1,MORENA=1,PAN+PRI+PRD+NAEM=1,PAN+PRI+PRD=0,PAN+PRI+NAEM=0,PAN+PRD+NAEM=0," +
            "PRI+PRD+NAEM=0,PAN+PRI=1,PAN+PRD=0,PAN+NAEM=0,PRI+PRD=0,PRI+NAEM=0,PRD+NAEM=0,PT+PVEM+MORENA=1,PT+PVEM=1,PT+MORENA=0," +
            "PVEM+MORENA=0,CNR=1,NULO=2",
            PrepCode.Of(acta));
        Assert.Equal("VMRE-P1", PrepCode.Tag);
    }
}
