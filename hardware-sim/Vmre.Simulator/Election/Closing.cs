using Vmre.Audit.Paper;
using Vmre.Simulator.Clients;
using Vmre.Common.Acta;
using Vmre.Common.Closing;
using Vmre.Common.Election;
using Vmre.Common.Protocol;

namespace Vmre.Simulator.Election;

/// <summary>
/// Closing (brief section 2.5) and the checks that decide the demo's exit code: the acta equals
/// the tally of the votes the simulation meant to cast; the paper recount of the box, by the
/// counters' rule and with no id matched (issue 9 point 2), equals the acta and the closing records
/// per contest and option and per ballot style; every printed testigo is a vote or a void.
/// </summary>
public sealed class Closing(ModuleRig rig, Findings findings, Action<string> say)
{
    /// <summary>What the paper recount showed, for summary.txt; null until the box is counted.</summary>
    public PaperCount? Paper { get; private set; }

    public async Task<Acta?> Close(ElectionDay day)
    {
        say("closing: the presidente's card on the desk reader and PIN; terminals sign closing records; the server writes the acta");
        var desk = new OfficialAtTheDesk(rig);
        await desk.SignOut();
        (await desk.SignIn(SimOfficial.Presidente, SimOfficial.Presidente.Pin)).Expect("the presidente signs in to close");
        var closed = await rig.Server.ClosePolls();
        var response = closed.Expect("close the polls");
        findings.Check(response.State == PollsState.Closed, "polls closed");
        findings.Check(response.Terminals.All(t => t.RecordOk),
            $"{response.Terminals.Count(t => t.RecordOk)}/{response.Terminals.Count} closing records verified");
        findings.Check(response.Reconciled, "votes reconcile with check-ins, activations and testigos"
            + (response.Discrepancies.Count > 0 ? ": " + string.Join("; ", response.Discrepancies) : ""));
        var acta = (await rig.Server.Acta()).Expect("acta");
        Same(PaperAgainstCount.PerOption(day.Expected, PaperAgainstCount.Lines(acta), "acta"), "acta equals the tally of the votes the simulation cast");

        rig.Tray.SealBox(); // the box is opened for the count
        var papers = BoxPapers.Read(rig);
        var box = PaperRecount.Recount(rig.Package, rig.PackageHash, papers.Select(p => p.Read));
        findings.Check(box.Foreign == 0 && box.Refused == 0 && box.Voided == rig.Tray.VoidedCount && box.NotVotes == rig.Tray.TornCount,
            $"paper recount of the box by the counters' rule: {box.Papers} papers, {box.Counted} counted (testigo QR and VOTO EMITIDO, no ANULADO), "
            + $"{box.Voided} voided ({Words(box.VoidedByReason.Select(r => (Vmre.Firmware.Printing.VoidReasonCodes.CodeOf(r.Key), r.Value)))}), "
            + $"{box.NotVotes} not votes ({Words(box.NotVotesByFinding.Select(f => (f.Key, f.Value)))}), {box.Refused} of a retired format, {box.Foreign} of another election; "
            + $"the printers cut {rig.Tray.VoidedCount} voided testigos and tore {rig.Tray.TornCount}");

        var records = ClosingRecords.Read(rig);
        var voided = records.Sum(r => r.TestigosVoided);
        var withoutVote = records.Sum(r => r.SessionsWithoutVote);
        findings.Check(box.Voided == voided && voided == day.TestigosVoided,
            $"{box.Voided} voided papers (ANULADO) in the box for {voided} testigos voided in the closing records ({day.TestigosVoided} voided by the day's faults)");
        findings.Check(records.All(r => r.Format == ClosingRecord.FormatV4 && r.StoreFindings is { Count: 0 }) && withoutVote == day.SessionsWithoutVote,
            $"closing records ({string.Join(", ", records.Select(r => r.Format).Distinct())}) count {withoutVote} sessions without a vote; the power cut made {day.SessionsWithoutVote}");
        findings.Check(records.All(r => r.VoidMarksOwed == 0 && r.AcceptanceMarksOwed == 0),
            $"no mark owed on paper at closing: {records.Sum(r => r.VoidMarksOwed ?? 0)} void marks, {records.Sum(r => r.AcceptanceMarksOwed ?? 0)} acceptance marks");
        var stated = acta.Reconciliation.Discrepancies.Where(d => d.Contains("without a vote")).ToList();
        findings.Check(acta.Reconciliation.Reconciled && (day.SessionsWithoutVote == 0 || stated.Count == 1),
            $"the acta reconciles and states the sessions without a vote: {(stated.Count > 0 ? stated[0] : "none")}");

        Same(PaperAgainstCount.PerOption(box.Tally, PaperAgainstCount.Lines(acta), "acta"),
            "acta equals the paper recount per contest and option: the testigos with VOTO EMITIDO and no ANULADO (rules.md R1)");
        Same(PaperAgainstCount.PerOption(box.Tally, Summed(records), "closing records"),
            "the closing records' totals equal the paper recount per contest and option");
        var styles = new StyleReconciliationLines(rig.Package, box, records, acta, day);
        Same(styles.Differences, "the paper recount equals per ballot style the closing records, the acta and the votes cast: "
            + string.Join(", ", box.Styles.Select(s => $"{s.Style} {s.Votes}")));
        findings.Check(box.Counted == day.VotesCast, $"{box.Counted} testigos counted on paper for {day.VotesCast} votes");
        findings.Check(acta.Contests.Sum(c => c.Total) == day.VotesCast, $"acta totals {acta.Contests.Sum(c => c.Total)} votes");
        Paper = new PaperCount(box, styles.Lines, BoxPapers.Example(rig, papers, counted: true), BoxPapers.Example(rig, papers, counted: false));
        return acta;
    }

    private void Same(IReadOnlyList<string> differences, string what) =>
        findings.Check(differences.Count == 0, what + (differences.Count > 0 ? ": " + string.Join("; ", differences) : ""));

    /// <summary>Every terminal's totals added per contest and option, as the module server adds them.</summary>
    private static IEnumerable<ContestTally> Summed(IEnumerable<ClosingRecord> records) =>
        records.SelectMany(r => r.Contests).GroupBy(c => c.ContestId).Select(c => new ContestTally(c.Key,
            c.SelectMany(t => t.Lines).GroupBy(l => l.Key).Select(l => new TallyLine(l.Key, l.Sum(x => x.Count))).ToArray()));

    private static string Words(IEnumerable<(string What, int Count)> counts) =>
        counts.Any() ? string.Join(", ", counts.OrderBy(c => c.What, StringComparer.Ordinal).Select(c => $"{c.What} {c.Count}")) : "none";
}
