using System.CommandLine;
using Vmre.Cli;

namespace Vmre.Simulator.Election;

/// <summary>
/// `vmre-sim election [--out DIR] [--voters N] [--seed S] [--lnere-count N]`, read by
/// System.CommandLine (issue 7.5): --help, unknown options and malformed numbers are usage
/// errors (exit 2); the run exits 0 when every check passed, 1 when one failed.
/// </summary>
public static class SimulatorCommandLine
{
    public const string Program = "vmre-sim";

    public static Command Create(Func<SimulationOptions, TextWriter, Task<int>> run)
    {
        var defaults = new SimulationOptions("vmre-demo");
        var outDir = new Option<string>("--out") { Description = "where the artifacts go", DefaultValueFactory = _ => defaults.OutDir };
        var voters = new Option<int>("--voters") { Description = "voters who come to vote", DefaultValueFactory = _ => defaults.Voters }.WholeNumber(1);
        var seed = new Option<int>("--seed") { Description = "seed of the synthetic LNERE", DefaultValueFactory = _ => defaults.Seed }.WholeNumber(1);
        // A larger synthetic LNERE (same DATA.md proportions) gives the module more voters.
        var lnereCount = new Option<int>("--lnere-count") { Description = "rows of the synthetic LNERE (default: the DATA.md totals)" }.WholeNumber(1);
        var election = new Command("election",
            "Run one whole simulated module election on real parts and write its artifacts to DIR.\n"
            + "example: vmre-sim election --out out/demo --voters 24") { outDir, voters, seed, lnereCount };
        election.SetAction(parsed => run(
            defaults with
            {
                OutDir = parsed.GetRequiredValue(outDir),
                Voters = parsed.GetValue(voters),
                Seed = parsed.GetValue(seed),
                LnereCount = parsed.GetResult(lnereCount) is { Implicit: false } ? parsed.GetValue(lnereCount) : null,
            },
            parsed.InvocationConfiguration.Output));
        var root = ProgramCommand.Create(Program, "The hardware simulator: a whole module election on real parts.", helpWhenEmpty: true);
        root.Subcommands.Add(election);
        return root;
    }
}
