using Vmre.Common.Logging.Nist;
using Vmre.Common.Serialization;

namespace Vmre.Simulator.Election;

/// <summary>
/// Each collected device log (logs/*.jsonl) also as a NIST SP 1500-101 Election Event Log,
/// logs/&lt;device&gt;.nist.json (rules.md R7; docs/formats/nist-event-log.md). Runs after
/// <see cref="Artifacts.Collect"/>; the export re-verifies each chain and refuses a broken one.
/// </summary>
public static class NistLogs
{
    public static void Export(ModuleRig rig, Findings findings)
    {
        var logs = Path.Combine(rig.Options.OutDir, "logs");
        if (!Directory.Exists(logs)) { findings.Check(false, "NIST SP 1500-101 export: no logs/ folder"); return; }
        var terminals = rig.Terminals.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var electionId = rig.Package?.ElectionId;
        foreach (var source in Directory.GetFiles(logs, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var device = Path.GetFileNameWithoutExtension(source);
            var (type, other) = device == rig.Options.ModuleId ? ("dre-controller", (string?)null)
                : terminals.Contains(device) ? ("electronic-cast-paper", null)
                : ("other", "hardware-simulator");
            var json = NistExport.ExportFile(source, device, type, other, electionId);
            var target = Path.Combine(logs, device + ".nist.json");
            if (json.IsOk) AtomicFile.WriteText(target, json.Value! + "\n");
            findings.Check(json.IsOk, json.IsOk
                ? $"{device} event log exported as NIST SP 1500-101 ({type}): logs/{device}.nist.json"
                : $"{device} event log not exported as NIST SP 1500-101: {json.Error}");
        }
    }
}
