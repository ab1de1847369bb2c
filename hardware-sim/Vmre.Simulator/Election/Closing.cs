using Vmre.Common.Acta;
using Vmre.Common.Election;
using Vmre.Common.Protocol;

namespace Vmre.Simulator.Election;

/// <summary>
/// Closing (brief section 2.5) and the checks that decide the demo's exit code: the acta equals
/// the tally of the votes the simulation meant to cast, the paper recount of the testigo box
/// equals the acta, and the count of testigos equals the votes.
/// </summary>
public sealed class Closing(ModuleRig rig, Findings findings, Action<string> say)
{
    public async Task<Acta?> Close(ElectionDay day)
    {
        say("closing: presidente's credential and PIN; terminals sign closing records; the server writes the acta");
        var closed = await rig.Server.Post<PollsCloseResponse>("/api/polls/close",
            new OfficialCredential(SimOfficial.Presidente.CredentialId, SimOfficial.Presidente.Pin));
        var response = closed.Expect("close the polls");
        findings.Check(response.State == PollsState.Closed, "polls closed");
        findings.Check(response.Terminals.All(t => t.RecordOk),
            $"{response.Terminals.Count(t => t.RecordOk)}/{response.Terminals.Count} closing records verified");
        findings.Check(response.Reconciled, "votes reconcile with check-ins, activations and testigos"
            + (response.Discrepancies.Count > 0 ? ": " + string.Join("; ", response.Discrepancies) : ""));
        var acta = (await rig.Server.Get<Acta>("/api/acta")).Expect("acta");
        Compare(acta, day.Expected, "acta equals the tally of the votes the simulation cast");
        var (paper, read, unreadable) = PaperRecount.Count(rig.Package, rig.PackageHash, rig.Tray.TestigoBox);
        findings.Check(unreadable == 0, $"{read} testigo images read back by QR, {unreadable} unreadable or of another election");
        Compare(acta, paper, "acta equals the recount of the paper testigos (rule 1)");
        findings.Check(rig.Tray.TestigoCount == day.VotesCast, $"{rig.Tray.TestigoCount} testigos printed for {day.VotesCast} votes");
        findings.Check(acta.Contests.Sum(c => c.Total) == day.VotesCast, $"acta totals {acta.Contests.Sum(c => c.Total)} votes");
        return acta;
    }

    private void Compare(Acta acta, Tally tally, string what)
    {
        var differences = acta.Contests
            .SelectMany(c => c.Lines.Where(l => l.Votes != tally[c.ContestId, l.Key])
                .Select(l => $"{c.ContestId} {l.Key}: acta {l.Votes}, expected {tally[c.ContestId, l.Key]}"))
            .ToList();
        findings.Check(differences.Count == 0, what + (differences.Count > 0 ? ": " + string.Join("; ", differences) : ""));
    }
}
