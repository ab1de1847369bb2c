using System.Text;
using Vmre.Audit.Logs;
using Vmre.Common.Acta;
using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Simulator.Election;

/// <summary>
/// The demo folder: papers (written as they print), the acta as JSON, each device's event log
/// (JSON lines, chain verified) and its signed seal (checked against the device's key from
/// the signed module config; both checks are the audit library's DeviceLogAudit), and summary.txt
/// with what was checked.
/// </summary>
public static class Artifacts
{
    public static void Collect(ModuleRig rig, Findings findings)
    {
        var logs = Directory.CreateDirectory(Path.Combine(rig.Options.OutDir, "logs")).FullName;
        var keys = DeviceKeys(rig);
        var devices = rig.Terminals.Select(t => (t.Id, t.Dir)).Prepend((rig.Options.ModuleId, rig.ServerDir))
            .Append(("hardware-sim", Path.Combine(rig.State, "hardware-sim")));
        foreach (var (id, dir) in devices)
        {
            var source = Path.Combine(dir, "events.jsonl");
            if (!File.Exists(source)) { findings.Check(false, $"{id} wrote no event log"); continue; }
            var target = Path.Combine(logs, id + ".jsonl");
            File.Copy(source, target, true);
            var chain = DeviceLogAudit.Chain(target);
            findings.Check(chain.Ok, $"{id} event log: " + chain.Finding);
            if (id != "hardware-sim") CheckSeal(id, Path.Combine(dir, LogSeal.FileName), target, keys, findings);
        }
        foreach (var name in new[] { "acta.json", "acta.signed.json" })
        {
            var source = Path.Combine(rig.ServerDir, name);
            if (File.Exists(source)) File.Copy(source, Path.Combine(rig.Options.OutDir, name), true);
        }
    }

    /// <summary>
    /// rules.md R5 and R7: the device's seal, copied next to its log as logs/ID.seal.json, must be
    /// signed by that device's key and cover a prefix of the log that verifies up to the sealed head.
    /// (The simulator's own log has no key and no seal.)
    /// </summary>
    private static void CheckSeal(string id, string source, string log, Parsed<Dictionary<string, PublicKey>> keys, Findings findings)
    {
        if (!File.Exists(source)) { findings.Check(false, $"{id} wrote no log seal"); return; }
        var target = Path.ChangeExtension(log, ".seal.json");
        File.Copy(source, target, true);
        if (!keys.IsOk) { findings.Check(false, $"{id} log seal not checked: {keys.Error}"); return; }
        if (!keys.Value!.TryGetValue(id, out var key)) { findings.Check(false, $"{id} log seal not checked: no key for {id} in the module config"); return; }
        var check = DeviceLogAudit.Seal(log, target, key);
        findings.Check(check.Ok, $"{id} log seal: " + check.Finding);
    }

    /// <summary>Each device's public key, from the module config opened with the authority key.</summary>
    public static Parsed<Dictionary<string, PublicKey>> DeviceKeys(ModuleRig rig)
    {
        var authority = Path.Combine(rig.State, "authority", Vmre.Audit.Documents.AuthorityFiles.PublicFile);
        if (!File.Exists(authority)) return Parsed<Dictionary<string, PublicKey>>.Fail($"authority key not found: {authority}");
        return DeviceLogAudit.DeviceKeys(Path.Combine(rig.State, $"module-config-{rig.Options.ModuleId}.signed.json"),
            PublicKey.FromPem(File.ReadAllText(authority)));
    }

    public static string Summary(ModuleRig rig, Findings findings, ElectionDay? day, Acta? acta, PaperCount? paper, TimeSpan elapsed)
    {
        var s = new StringBuilder();
        s.AppendLine($"VMRE simulated module election — {rig.Options.ModuleId}, {rig.Terminals.Count} terminals");
        s.AppendLine($"result: {(findings.AllOk ? "PASS" : "FAIL")}    wall time: {elapsed.TotalSeconds:F1} s");
        if (day is { SecondsPerVoter.Count: > 0 })
            s.AppendLine($"votes cast: {day.VotesCast}; software time per voter (desk + terminal, simulated voter acts instantly): "
                + $"mean {day.SecondsPerVoter.Average():F2} s, max {day.SecondsPerVoter.Max():F2} s (voters without a fault)");
        if (day is not null)
            s.AppendLine($"sessions without a vote: {day.SessionsWithoutVote}; testigos voided by the day's faults: {day.TestigosVoided}");
        foreach (var line in rig.LanDescription) s.AppendLine(line);
        s.AppendLine();
        foreach (var line in findings.Lines()) s.AppendLine(line);
        if (paper is not null) PaperLines(s, paper);
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
        s.AppendLine("files: papers/ (zero-reports, testigos = the sealed box: accepted, voided and torn testigos, closing-records, acta), acta.json, acta.signed.json, logs/*.jsonl (+ .seal.json, .nist.json), "
            + "state/ (signed inputs; each terminal's data folder state/T-… and its TPM state state/tpm-T-…, kept for ./vmre verify-store state/T-…)");
        return s.ToString();
    }

    /// <summary>
    /// Issue 9: one counted and one voided testigo as printed (a person looks at both), and the
    /// paper against the electronic count per ballot style.
    /// </summary>
    private static void PaperLines(StringBuilder s, PaperCount paper)
    {
        s.AppendLine();
        s.AppendLine("PAPER (the sealed box, read from its images; a paper counts iff it shows a testigo with VOTO EMITIDO and no ANULADO)");
        s.AppendLine($"  a counted testigo, as printed: {paper.CountedTestigo ?? "none in the box"}");
        s.AppendLine($"  a voided testigo, as printed:  {paper.VoidedTestigo ?? "none in the box"}");
        s.AppendLine($"  papers {paper.Box.Papers}: counted {paper.Box.Counted}, voided {paper.Box.Voided}, not votes {paper.Box.NotVotes}, retired formats {paper.Box.Refused}, other elections {paper.Box.Foreign}");
        s.AppendLine("reconciliation per ballot style (paper recount vs electronic count):");
        foreach (var line in paper.ByStyle) s.AppendLine(line);
    }

    public static void WriteSummary(string outDir, string text) =>
        AtomicFile.WriteText(Path.Combine(outDir, "summary.txt"), text);
}
