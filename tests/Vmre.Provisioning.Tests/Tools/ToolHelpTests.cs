namespace Vmre.Provisioning.Tests.Tools;

public class ToolHelpTests
{
    [Theory]
    [InlineData("render-escpos", "--out")]
    [InlineData("parse-credential", "TEXT|-")]
    [InlineData("decode-testigo", "--package")]
    public void Every_tool_has_help(string command, string mentions)
    {
        var run = ToolCli.Run(command, "--help");
        Assert.Equal(0, run.Exit);
        Assert.Contains("vmre-tools " + command, run.Out);
        Assert.Contains(mentions, run.Out);
    }

    [Fact]
    public void The_overview_lists_every_tool()
    {
        var run = ToolCli.Run("--help");
        Assert.Equal(0, run.Exit);
        foreach (var command in new[] { "render-escpos", "parse-credential", "decode-testigo" })
            Assert.Contains(command, run.Out);
    }

    [Fact]
    public void Unknown_commands_options_and_missing_arguments_are_usage_errors()
    {
        Assert.Equal(2, ToolCli.Run("burn-ballots").Exit);
        Assert.Equal(2, ToolCli.Run("render-escpos", "x.bin").Exit); // --out missing
        Assert.Equal(2, ToolCli.Run("parse-credential").Exit);
        var run = ToolCli.Run("decode-testigo", "VMRE-T1|x", "--colour", "red");
        Assert.Equal(2, run.Exit);
        Assert.Contains("--colour", run.Err);
        Assert.Contains("try 'vmre-tools decode-testigo --help'", run.Err);
    }
}
