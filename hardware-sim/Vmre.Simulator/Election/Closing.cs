using Vmre.Audit.Paper;
using Vmre.Simulator.Clients;
using Vmre.Common.Acta;
using Vmre.Common.Closing;
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
        var closed = await rig.Server.ClosePolls(
            new OfficialCredential(SimOfficial.Presidente.CredentialId, SimOfficial.Presidente.Pin));
        var response = closed.Expect("close the polls");
        findings.Check(response.State == PollsState.Closed, "polls closed");
        findings.Check(response.Terminals.All(t => t.RecordOk),
            $"{response.Terminals.Count(t => t.RecordOk)}/{response.Terminals.Count} closing records verified");
        findings.Check(response.Reconciled, "votes reconcile with check-ins, activations and testigos"
            + (response.Discrepancies.Count > 0 ? ": " + string.Join("; ", response.Discrepancies) : ""));
        var acta = (await rig.Server.Acta()).Expect("acta");
        Compare(acta, day.Expected, "acta equals the tally of the votes the simulation cast");
        rig.Tray.SealBox(); // the box is opened for the count
        var box = PaperRecount.Recount(rig.Package, rig.PackageHash, rig.Tray.TestigoBox);
        findings.Check(box.Foreign == 0 && box.Unreadable == rig.Tray.TornCount && box.Notices == rig.Tray.NoticeCount,
            $"paper recount: the box holds {box.Counted + box.Excluded} testigos read by QR, {box.Notices} voiding notices, "
            + $"{box.Unreadable} torn papers whose QR does not read (the printers tore {rig.Tray.TornCount} and cut {rig.Tray.NoticeCount} notices), {box.Foreign} of another election");
        // A torn testigo's printed "Testigo <id>" line is for a person, not machine-read: each torn
        // paper must be matched by a notice naming no readable testigo in the box.
        findings.Check(box.Unreadable <= box.NoticesForUnreadTestigos,
            $"{box.Excluded} testigos set apart because a voiding notice names them; {box.NoticesForUnreadTestigos} notices name testigos not readable in the box, for {box.Unreadable} torn papers");
        var records = ClosingRecords.Read(rig);
        var voided = records.Sum(r => r.TestigosVoided);
        var withoutVote = records.Sum(r => r.SessionsWithoutVote);
        findings.Check(box.Notices == voided && voided == day.TestigosVoided,
            $"{box.Notices} voiding notices in the box for {voided} testigos voided in the closing records ({day.TestigosVoided} voided by the day's faults)");
        findings.Check(records.All(r => r.Format == ClosingRecord.FormatV3) && withoutVote == day.SessionsWithoutVote,
            $"closing records ({string.Join(", ", records.Select(r => r.Format).Distinct())}) count {withoutVote} sessions without a vote; the power cut made {day.SessionsWithoutVote}");
        var stated = acta.Reconciliation.Discrepancies.Where(d => d.Contains("without a vote")).ToList();
        findings.Check(acta.Reconciliation.Reconciled && (day.SessionsWithoutVote == 0 || stated.Count == 1),
            $"the acta reconciles and states the sessions without a vote: {(stated.Count > 0 ? stated[0] : "none")}");
        Compare(acta, box.Tally, "acta equals the recount of the paper testigos no voiding notice names (rules.md R1)");
        findings.Check(box.Counted == day.VotesCast, $"{box.Counted} testigos counted on paper for {day.VotesCast} votes");
        findings.Check(acta.Contests.Sum(c => c.Total) == day.VotesCast, $"acta totals {acta.Contests.Sum(c => c.Total)} votes");
        return acta;
    }

    /// <summary>
    /// Both ways: every line of every contest in the tally must be in the acta with the same votes,
    /// and the acta may hold no contest or line the package does not have (a missing line is a difference).
    /// </summary>
    private void Compare(Acta acta, Tally tally, string what)
    {
        var differences = new List<string>();
        var actaLines = new Dictionary<(string, string), int>();
        foreach (var c in acta.Contests)
            foreach (var l in c.Lines)
                if (!actaLines.TryAdd((c.ContestId, l.Key), l.Votes)) differences.Add($"{c.ContestId} {l.Key}: twice in the acta");
        var expected = tally.ToContestTallies().SelectMany(c => c.Lines.Select(l => (Key: (c.ContestId, l.Key), l.Count))).ToList();
        foreach (var (key, count) in expected)
        {
            if (!actaLines.TryGetValue(key, out var votes)) differences.Add($"{key.Item1} {key.Item2}: missing from the acta, expected {count}");
            else if (votes != count) differences.Add($"{key.Item1} {key.Item2}: acta {votes}, expected {count}");
        }
        var known = expected.Select(e => e.Key).ToHashSet();
        differences.AddRange(actaLines.Keys.Where(k => !known.Contains(k)).Select(k => $"{k.Item1} {k.Item2}: in the acta, not in the package"));
        findings.Check(differences.Count == 0, what + (differences.Count > 0 ? ": " + string.Join("; ", differences) : ""));
    }
}
