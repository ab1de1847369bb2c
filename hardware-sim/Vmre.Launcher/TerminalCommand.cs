namespace Vmre.Launcher;

/// <summary>
/// What the launcher agrees to become (security review of issue 10 point 1): only the terminal's
/// `run`, `verify-store` and `reseal`, the commands that unseal and then close PCR 13; never
/// `seal`, `provision`, help or a usage error, which would leave PCR 13 in the measured state for
/// whatever runs next. And the terminal must read the data folder that was measured, on the TPM
/// that was extended: its --data resolves to the launcher's, its --tcti is the launcher's.
/// Checked before anything is measured.
/// </summary>
internal static class TerminalCommand
{
    public static readonly string[] Verbs = ["run", "verify-store", "reseal"];

    private static readonly string[] Help = ["--help", "-h", "-?", "/?", "/h", "--version"];

    /// <summary>Null when <paramref name="terminalArgs"/> (after the program or assembly) may be exec'd; otherwise the refusal.</summary>
    public static string? Refusal(IReadOnlyList<string> terminalArgs, string dataDir, string tcti)
    {
        if (terminalArgs.Count == 0 || !Verbs.Contains(terminalArgs[0]))
            return $"the terminal command must be one of {string.Join(", ", Verbs)} (got '{(terminalArgs.Count == 0 ? "" : terminalArgs[0])}'): "
                + "only they close PCR 13 behind them";
        foreach (var arg in terminalArgs)
        {
            if (Help.Contains(arg)) return $"'{arg}' is not started through the measured start (it would leave PCR 13 in the measured state)";
            // A response file or a bare "--" would let the terminal read options this check never saw.
            if (arg.StartsWith('@') || arg == "--") return $"'{arg}' is not accepted in a measured start's terminal command";
        }
        var data = Values(terminalArgs, "--data");
        if (data.Count != 1) return $"the terminal command must name --data exactly once (the measured folder {dataDir})";
        if (DotnetHost.RealPath(data[0]) != DotnetHost.RealPath(dataDir))
            return $"the terminal's --data {data[0]} is not the measured data folder {dataDir}";
        var tctis = Values(terminalArgs, "--tcti");
        if (tctis.Count != 1 || tctis[0] != tcti) return $"the terminal command must name --tcti {tcti} exactly once (the TPM the launcher extended)";
        return null;
    }

    /// <summary>Every value given to <paramref name="option"/>: `--x V`, `--x=V`, `--x:V` (the forms System.CommandLine reads).</summary>
    private static List<string> Values(IReadOnlyList<string> args, string option)
    {
        var values = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == option) values.Add(i + 1 < args.Count ? args[++i] : "");
            else if (args[i].StartsWith(option + "=", StringComparison.Ordinal) || args[i].StartsWith(option + ":", StringComparison.Ordinal))
                values.Add(args[i][(option.Length + 1)..]);
        }
        return values;
    }
}
