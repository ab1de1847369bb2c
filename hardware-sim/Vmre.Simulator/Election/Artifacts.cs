using System.Text;
using Vmre.Common.Acta;
using Vmre.Common.Logging;
using Vmre.Common.Serialization;

namespace Vmre.Simulator.Election;

/// <summary>
/// The demo folder: papers (written as they print), the acta as JSON, each device's event log
/// (JSON lines, chain verified), and summary.txt with what was checked.
/// </summary>
public static class Artifacts
{
    public static void Collect(ModuleRig rig, Findings findings)
    {
        var logs = Directory.CreateDirectory(Path.Combine(rig.Options.OutDir, "logs")).FullName;
        var devices = rig.Terminals.Select(t => (t.Id, t.Dir)).Prepend((rig.Options.ModuleId, rig.ServerDir))
            .Append(("hardware-sim", Path.Combine(rig.State, "hardware-sim")));
        foreach (var (id, dir) in devices)
        {
            var source = Path.Combine(dir, "events.jsonl");
            if (!File.Exists(source)) { findings.Check(false, $"{id} wrote no event log"); continue; }
            var target = Path.Combine(logs, id + ".jsonl");
            File.Copy(source, target, true);
            var chain = EventLogVerifier.VerifyFile(target);
            findings.Check(chain.IsOk, $"{id} event log: " + (chain.IsOk ? $"{chain.Value!.Count} entries, hash chain verifies" : chain.Error));
        }
        foreach (var name in new[] { "acta.json", "acta.signed.json" })
        {
            var source = Path.Combine(rig.ServerDir, name);
            if (File.Exists(source)) File.Copy(source, Path.Combine(rig.Options.OutDir, name), true);
        }
    }

    public static string Summary(ModuleRig rig, Findings findings, ElectionDay? day, Acta? acta, TimeSpan elapsed)
    {
        var s = new StringBuilder();
        s.AppendLine($"VMRE simulated module election — {rig.Options.ModuleId}, {rig.Terminals.Count} terminals");
        s.AppendLine($"result: {(findings.AllOk ? "PASS" : "FAIL")}    wall time: {elapsed.TotalSeconds:F1} s");
        if (day is { SecondsPerVoter.Count: > 0 })
            s.AppendLine($"votes cast: {day.VotesCast}; software time per voter (desk + terminal, simulated voter acts instantly): "
                + $"mean {day.SecondsPerVoter.Average():F2} s, max {day.SecondsPerVoter.Max():F2} s");
        s.AppendLine();
        foreach (var line in findings.Lines()) s.AppendLine(line);
        if (acta is not null)
        {
            s.AppendLine();
            s.AppendLine("ACTA DE ESCRUTINIO Y CÓMPUTO");
            foreach (var c in acta.Contests)
            {
                s.AppendLine($"  {c.Title}");
                foreach (var l in c.Lines) s.AppendLine($"    {l.Label,-48} {l.Votes,5}  {l.Words}");
                s.AppendLine($"    {"TOTAL",-48} {c.Total,5}  {c.TotalWords}");
            }
        }
        s.AppendLine();
        s.AppendLine("files: papers/ (zero-reports, testigos, closing-records, acta), acta.json, acta.signed.json, logs/*.jsonl, state/ (signed inputs)");
        return s.ToString();
    }

    public static void WriteSummary(string outDir, string text) =>
        AtomicFile.WriteText(Path.Combine(outDir, "summary.txt"), text);
}
