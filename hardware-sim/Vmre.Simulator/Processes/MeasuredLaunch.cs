namespace Vmre.Simulator.Processes;

/// <summary>
/// A terminal started as a real board starts it (issue 10 point 1): the measured-start stage
/// (vmre-launch) hashes the terminal's program folder and its data folder's configuration, extends
/// them into PCR 13 of the terminal's TPM, then execs the terminal in its own process (same pid,
/// so a power cut's SIGKILL reaches the terminal). Nothing else starts a terminal.
/// </summary>
public static class MeasuredLaunch
{
    /// <summary>The launcher's command line: what to measure, then the terminal's own command line after "--".</summary>
    public static string[] Arguments(RepositoryLayout layout, string dataDir, string tcti, IEnumerable<string> terminalArgs) =>
        ["--program", layout.TerminalProgram, "--data", dataDir, "--tcti", tcti, "--", "dotnet", layout.Terminal, .. terminalArgs];

    /// <summary>Starts the terminal through the launcher (`vmre-terminal run ...` or another subcommand).</summary>
    public static PartProcess Start(string name, RepositoryLayout layout, string dataDir, string tcti, IEnumerable<string> terminalArgs, string? netns = null) =>
        PartProcess.Start(name, layout.Launcher, Arguments(layout, dataDir, tcti, terminalArgs), netns);
}
