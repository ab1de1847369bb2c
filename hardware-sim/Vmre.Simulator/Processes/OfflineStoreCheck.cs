using Vmre.HardwareSim.Tpm;

namespace Vmre.Simulator.Processes;

/// <summary>
/// `./vmre verify-store DIR` (issue 10 point 5): a simulated terminal's data folder checked after
/// the fact. Its own swtpm state is powered on afresh (PCR 13 at zero), the launcher measures the
/// terminal's program folder and the folder's configuration as at every start, and only then does
/// `vmre-terminal verify-store` unseal the store's keys: a changed program or configuration can't
/// read the store. Exit 0 when the store is whole, non-zero naming each finding.
/// </summary>
public static class OfflineStoreCheck
{
    /// <summary>Where the demo keeps a terminal's TPM state: `state/tpm-T-…` beside `state/T-…`.</summary>
    public static string DefaultTpmState(string dataDir)
    {
        var full = Path.GetFullPath(dataDir).TrimEnd('/');
        return Path.Combine(Path.GetDirectoryName(full)!, "tpm-" + Path.GetFileName(full));
    }

    /// <summary>Runs the check; a folder or TPM state that is not there is a refusal (exit 1) with the reason.</summary>
    public static (int Exit, string Output) Run(RepositoryLayout layout, string dataDir, string? tpmState = null)
    {
        var data = Path.GetFullPath(dataDir);
        var state = Path.GetFullPath(tpmState ?? DefaultTpmState(data));
        if (!Directory.Exists(data)) return (1, $"verify-store: no terminal data folder at {data}");
        if (!Directory.Exists(state)) return (1, $"verify-store: no TPM state at {state} (give --tpm-state DIR)");
        // Started here and stopped (shutdown, state saved) when the check ends: a power-on, a check, a power-off.
        using var tpm = SwtpmInstance.Start(state);
        return PartProcess.RunToExit("verify-store " + Path.GetFileName(data), layout.Launcher,
            MeasuredLaunch.Arguments(layout, data, tpm.Tcti, ["verify-store", "--data", data, "--tcti", tpm.Tcti]));
    }
}
