using Vmre.Simulator.Processes;

namespace Vmre.Simulator.Election;

/// <summary>
/// Issue 10 point 5: once every part has stopped, each terminal's data folder and TPM state stay in
/// `state/` and the demo runs the offline check on them, as a person would afterwards with
/// `./vmre verify-store state/T-…`: a fresh power-on of its swtpm, the measured start, the store verified.
/// </summary>
public static class StoresVerified
{
    public static void Check(ModuleRig rig, Findings findings)
    {
        foreach (var t in rig.Terminals)
        {
            var shown = Path.GetRelativePath(rig.Options.OutDir, t.Dir);
            try
            {
                var (exit, output) = OfflineStoreCheck.Run(rig.Layout, t.Dir, t.Tpm.StateDirectory);
                var said = string.Join("; ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                findings.Check(exit == 0, exit == 0
                    ? $"{t.Id} store whole, checked offline after the run (./vmre verify-store {shown}): {said}"
                    : $"{t.Id} store NOT whole, checked offline after the run (./vmre verify-store {shown}, exit {exit}): {said}");
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
            {
                findings.Check(false, $"{t.Id} store could not be checked offline: {e.Message}");
            }
        }
    }
}
