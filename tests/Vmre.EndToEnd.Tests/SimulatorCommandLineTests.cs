using Vmre.Cli;
using Vmre.Simulator.Election;

namespace Vmre.EndToEnd.Tests;

/// <summary>Issue 7.5: vmre-sim's command line (System.CommandLine); the election itself is never started here.</summary>
public class SimulatorCommandLineTests
{
    private static (int Exit, string Out, string Err, SimulationOptions? Options) Run(params string[] argv)
    {
        SimulationOptions? seen = null;
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLineProgram.Run(
            SimulatorCommandLine.Create((options, _) => { seen = options; return Task.FromResult(ExitCode.Ok); }), argv, output, error);
        return (exit, output.ToString(), error.ToString(), seen);
    }

    [Fact]
    public void Options_reach_the_simulation_and_defaults_are_the_demo_s()
    {
        var run = Run("election", "--out", "o", "--voters", "7", "--lnere-count", "5000");
        Assert.Equal(0, run.Exit);
        Assert.Equal(new SimulationOptions("o", Voters: 7, LnereCount: 5000), run.Options);
        Assert.Equal(new SimulationOptions("vmre-demo"), Run("election").Options);
    }

    [Theory]
    [InlineData("election", "--voters", "0")]
    [InlineData("election", "--seed", "x")]
    [InlineData("election", "--terminals", "3")]
    [InlineData("elect")]
    public void A_wrong_command_line_is_a_usage_error(params string[] argv)
    {
        var run = Run(argv);
        Assert.Equal(2, run.Exit);
        Assert.Contains("try 'vmre-sim", run.Err);
        Assert.Null(run.Options);
    }

    [Fact]
    public void Help_names_every_option()
    {
        var run = Run("election", "--help");
        Assert.Equal(0, run.Exit);
        foreach (var option in new[] { "--out", "--voters", "--seed", "--lnere-count" }) Assert.Contains(option, run.Out);
    }
}
