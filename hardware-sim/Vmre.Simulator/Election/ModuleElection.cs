using System.Diagnostics;
using Vmre.Common.Acta;
using Vmre.Simulator.Lan;
using Vmre.Simulator.Voters;

namespace Vmre.Simulator.Election;

/// <summary>A whole simulated module election, end to end; true when every check held.</summary>
public static class ModuleElection
{
    public static async Task<bool> Run(SimulationOptions options, Action<string> say)
    {
        var clock = Stopwatch.StartNew();
        if (Directory.Exists(options.OutDir)) Directory.Delete(options.OutDir, recursive: true);
        Directory.CreateDirectory(options.OutDir);
        var findings = new Findings();
        ElectionDay? day = null;
        Acta? acta = null;
        PaperCount? paper = null;
        ModuleRig rig;
        try
        {
            rig = await ModuleRig.Build(options, say); // disposes what it started if it fails
        }
        catch (Exception e)
        {
            // A part that does not start is a failed run with a summary, not a crash of the simulator.
            // A SimulationFailure is the reason in words (e.g. why the module LAN can't be made here).
            var failed = $"result: FAIL\n[FAIL] the module could not be set up: {(e is SimulationFailure ? e.Message : e.ToString())}\n";
            Artifacts.WriteSummary(options.OutDir, failed);
            say(failed);
            return false;
        }
        try
        {
            day = new ElectionDay(rig, findings, say);
            await day.Open();
            var plan = VoterPlan.Make(rig.LnereCsv, rig.Package, options.ModuleId, options.Voters, rig.Terminals.Count, options.Mix);
            await day.Vote(plan);
            // The replay uses the activation the first voter carried (the desk never stores tokens).
            await new RefusalChecks(rig, findings, say).Run(plan, day.FirstToken!);
            var closing = new Closing(rig, findings, say);
            acta = await closing.Close(day);
            paper = closing.Paper;
        }
        catch (SimulationFailure e)
        {
            findings.Check(false, e.Message);
        }
        catch (Exception e)
        {
            // Anything unexpected still ends in summary.txt and a non-zero exit, not an abort.
            findings.Check(false, "the simulation stopped on an unexpected error: " + e);
        }
        finally
        {
            rig.Dispose();
            LanTornDown.Check(rig, findings);
            StoresVerified.Check(rig, findings);
            rig.Tray.SealBox(); // whatever was printed, even on a failed run
            Artifacts.Collect(rig, findings);
            NistLogs.Export(rig, findings);
            var summary = Artifacts.Summary(rig, findings, day, acta, paper, clock.Elapsed);
            Artifacts.WriteSummary(options.OutDir, summary);
            say(summary);
        }
        return findings.AllOk;
    }
}
