using System.Text.Json;
using Vmre.Firmware.Credential;

namespace Vmre.Provisioning.Tests.Tools;

public class ParseCredentialTests
{
    // An invented person (simulated voters are never real people).
    private static readonly string Mrz =
        MrzBuilder.Build("IDX123456", "1234567890123", "850317", "F", "301231", "ROBLES NAVA", "ANA SOFIA");

    [Fact]
    public void A_valid_mrz_prints_its_fields_as_json()
    {
        var run = ToolCli.Run("parse-credential", Mrz);
        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("IDX123456", root.GetProperty("documentNumber").GetString());
        Assert.Equal("1234567890123", root.GetProperty("citizenId").GetString());
        Assert.Equal("850317", root.GetProperty("birthDate").GetString());
        Assert.Equal("ROBLES NAVA", root.GetProperty("surnames").GetString());
        Assert.Equal("ANA SOFIA", root.GetProperty("givenNames").GetString());
        Assert.Equal("", run.Err);
    }

    [Fact]
    public void Dash_reads_the_lines_from_standard_input()
    {
        var run = ToolCli.RunWithInput(Mrz.Replace("\n", "\r\n") + "\r\n", "parse-credential", "-");
        Assert.Equal(0, run.Exit);
        Assert.Contains("\"documentNumber\": \"IDX123456\"", run.Out);
    }

    [Fact]
    public void A_wrong_check_digit_is_rejected_with_the_parsers_reason()
    {
        char check = Mrz[14];
        var bad = Mrz[..14] + (check == '9' ? '0' : (char)(check + 1)) + Mrz[15..];
        var run = ToolCli.Run("parse-credential", bad);
        Assert.Equal(1, run.Exit);
        Assert.Contains(MrzReasons.DocumentNumberCheck, run.Err);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("", MrzReasons.Empty)]
    [InlineData("IDMEX", MrzReasons.LineCount)]
    public void Malformed_text_is_rejected(string text, string reason)
    {
        var run = ToolCli.RunWithInput(text, "parse-credential", "-");
        Assert.Equal(1, run.Exit);
        Assert.Contains(reason, run.Err);
    }
}
