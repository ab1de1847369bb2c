using System.CommandLine;
using Vmre.Cli;

namespace Vmre.Simulator.Election;

/// <summary>
/// `vmre-sim election [--out DIR] [--voters N] [--seed S] [--lnere-count N]`, read by
/// System.CommandLine (issue 7.5): --help, unknown options and malformed numbers are usage
/// errors (exit 2); the run exits 0 when every check passed, 1 when one failed.
/// `vmre-sim verify-store DIR [--tpm-state DIR]` (issue 10 point 5, `./vmre verify-store`): the
/// offline check of a terminal's store; its exit code is the check's.
/// `vmre-sim card personalise --credential ID --out FILE --public-out PEM` (issue 11): a new
/// simulated official's card, PIN from stdin (<see cref="Hardware.CardPersonaliseCommand"/>).
/// </summary>
public static class SimulatorCommandLine
{
    public const string Program = "vmre-sim";

    /// <param name="verifyStore">The data folder, the TPM state (null: beside it) and the output; the default runs <see cref="Processes.OfflineStoreCheck"/>.</param>
    /// <param name="stdin">Where `card personalise` reads the PIN (default the process's stdin).</param>
    public static Command Create(Func<SimulationOptions, TextWriter, Task<int>> run, Func<string, string?, TextWriter, int>? verifyStore = null, TextReader? stdin = null)
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
        root.Subcommands.Add(VerifyStore(verifyStore ?? CheckStore));
        root.Subcommands.Add(Hardware.CardPersonaliseCommand.Create(() => stdin ?? Console.In)); // issue 11 point 6: the PIN from stdin
        return root;
    }

    private static Command VerifyStore(Func<string, string?, TextWriter, int> verify)
    {
        var data = new Argument<string>("DIR") { Description = "a simulated terminal's data folder, e.g. out/demo/state/T-CHI-01" };
        var tpmState = new Option<string>("--tpm-state") { Description = "its swtpm state folder (default: tpm-NAME beside DIR)" };
        var command = new Command("verify-store",
            "Check a terminal's vote store offline: power its swtpm on, start through the launcher (measured), verify the store.\n"
            + "Exit 0 when whole; non-zero naming each finding.\n"
            + "example: vmre-sim verify-store out/demo/state/T-CHI-01") { data, tpmState };
        command.SetAction(parsed => verify(parsed.GetRequiredValue(data), parsed.GetValue(tpmState), parsed.InvocationConfiguration.Output));
        return command;
    }

    private static int CheckStore(string dataDir, string? tpmState, TextWriter output)
    {
        var (exit, said) = Processes.OfflineStoreCheck.Run(Processes.RepositoryLayout.Locate(), dataDir, tpmState);
        output.Write(said);
        return exit;
    }
}
