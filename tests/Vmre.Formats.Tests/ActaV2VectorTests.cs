using Vmre.Common.Acta;
using Vmre.Common.Serialization;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-acta/2` (docs/formats/acta.md): the v1 demo acta (24 votes, two terminals) with the v2
/// fields, byte for byte as the module server writes acta.json — the reconciliation per ballot
/// style and the counters' paper rule (issue 9 point 6).
/// </summary>
public class ActaV2VectorTests
{
    private const string Vector = "acta-v2.json";
    private static Acta ActaVector => Vectors.Parse<Acta>(Vector);

    [Fact]
    public void The_v2_acta_reconciles_per_ballot_style_and_states_the_paper_rule()
    {
        var a = ActaVector;
        Assert.Equal(Acta.FormatV2, a.Format);
        Assert.Equal([new StyleReconciliation("05", 6, 6, 6, 6), new StyleReconciliation("15", 18, 18, 18, 18)], a.Reconciliation.ByStyle!);
        Assert.Equal(a.Reconciliation.VotesSealed, a.Reconciliation.ByStyle!.Sum(s => s.VotesSealed));
        Assert.Equal(a.Contests.Select(c => c.Total), a.Reconciliation.ByStyle!.Select(s => s.VotesSealed));
        Assert.Equal(PaperRule.Text, a.PaperRule);
    }

    [Fact]
    public void The_v2_acta_file_is_the_canonical_indented_json()
    {
        var text = Vectors.Text(Vector).Replace("\r\n", "\n");
        Assert.StartsWith("{\n  \"format\": \"vmre-acta/2\",", text);
        Assert.Equal(VmreJson.Text(ActaVector, indented: true), text.TrimEnd('\n'));
    }

    [Fact]
    public void Write_ins_are_a_count_on_the_acta_never_a_name()
    {
        // Issue 9 point 6: the CNR line is "Candidaturas no registradas" with a figure; no
        // other line label exists for a write-in, so no name can be written.
        foreach (var contest in ActaVector.Contests)
        {
            var cnr = contest.Lines.Where(l => l.Key == "CNR").ToArray();
            Assert.All(cnr, l => Assert.Equal("Candidaturas no registradas", l.Label));
            Assert.All(contest.Lines, l => Assert.Matches("^([A-Z]+(\\+[A-Z]+)*|CNR|NULO)$", l.Key));
        }
    }
}
