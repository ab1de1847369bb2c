using System.Text.Json.Nodes;

namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>The coercer has teeth (issue 9 point 6): it finds its name and a per-ballot record wherever a file holds them.</summary>
public sealed class CoercerControlTests : IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "vmre-coercer-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    private readonly Coercer _coercer = new(SecretBallotRun.CoercedName, "PRI+PRD+NAEM");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("VMRE-T2|0123ABCD|05|GOB-05=CNR:MAR%C3%8DA XOCHIQUETZAL Z%C3%9A%C3%91IGA BALDERRAMA")]
    [InlineData("{\"writeIn\":\"mar\\u00eda xochiquetzal z\\u00fa\\u00f1iga balderrama\"}")]
    [InlineData("write-in: Maria Xochiquetzal Zuniga Balderrama")]
    [InlineData("cnr=MARÍA+XOCHIQUETZAL+ZÚÑIGA+BALDERRAMA")]
    public void The_coercer_finds_the_name_in_any_form(string line)
    {
        File.WriteAllText(Path.Combine(_dir, "leak.txt"), line + "\n");
        // The whole name, not only its longest word (the form is quoted in the finding).
        Assert.Contains(_coercer.Search(PublishedFolder.Read(_dir)), f => f.Contains("BALDERRAMA", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_coercer_finds_the_name_inside_a_signed_payload()
    {
        var payload = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"cvr\":[{\"GOB-05\":\"CNR:" + SecretBallotRun.CoercedName + "\"}]}"));
        File.WriteAllText(Path.Combine(_dir, "cvr.signed.json"), new JsonObject { ["payload"] = payload }.ToJsonString());
        Assert.NotEmpty(_coercer.Search(PublishedFolder.Read(_dir)));
    }

    [Fact]
    public void The_coercer_finds_a_per_ballot_record_of_the_combination_but_not_a_count()
    {
        File.WriteAllText(Path.Combine(_dir, "acta.json"), "{\"lines\":[{\"key\":\"PRI+PRD+NAEM\",\"label\":\"Combinación PRI-PRD-NAEM\",\"votes\":1}]}");
        Assert.Empty(_coercer.Search(PublishedFolder.Read(_dir)));
        File.WriteAllText(Path.Combine(_dir, "T-01.jsonl"), "{\"utc\":\"2026-07-05T15:00:00Z\",\"event\":\"vote-sealed\",\"data\":{\"marks\":\"GOB-15=PRI+PRD+NAEM\"}}\n");
        Assert.Single(_coercer.Search(PublishedFolder.Read(_dir)));
    }
}
