using Vmre.Common.Acta;
using Vmre.Common.Serialization;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-acta/3` (docs/formats/acta.md): the v2 demo acta with the count checks of issue 10
/// point 3 — T-CHI-02's report at polls close never arrived, so its record is counted and flagged.
/// </summary>
public class ActaV3VectorTests
{
    private const string Vector = "acta-v3.json";

    [Fact]
    public void The_v3_acta_names_each_terminals_count_check()
    {
        var a = Vectors.Parse<Acta>(Vector);
        Assert.Equal(Acta.FormatV3, a.Format);
        Assert.Equal(["T-CHI-01", "T-CHI-02"], a.CountChecks!.Select(c => c.TerminalId));
        Assert.All(a.CountChecks!, c => Assert.True(c.Counted));
        var flagged = a.CountChecks![1].Findings.Single();
        Assert.Equal("no-close-report", flagged.Code);
        Assert.Contains(" / ", flagged.Text); // Spanish, then English
        Assert.False(a.Reconciliation.Reconciled);
        Assert.Contains("terminal T-CHI-02: " + flagged.Text, a.Reconciliation.Discrepancies);
    }

    [Fact]
    public void The_v3_acta_file_is_the_canonical_indented_json()
    {
        var text = Vectors.Text(Vector).Replace("\r\n", "\n");
        Assert.StartsWith("{\n  \"format\": \"vmre-acta/3\",", text);
        Assert.Equal(VmreJson.Text(Vectors.Parse<Acta>(Vector), indented: true), text.TrimEnd('\n'));
    }
}
