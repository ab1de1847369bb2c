using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Time;
using Vmre.ModuleServer.Activations;
using Vmre.Common.Acta;
using Vmre.ModuleServer.Counting;
using Vmre.ModuleServer.Documents;
using Vmre.ModuleServer.Printing;
using Vmre.ModuleServer.Storage;
using Vmre.ModuleServer.Terminals;
using Vmre.ModuleServer.Voters;

namespace Vmre.ModuleServer.OpeningAndClosing;

/// <summary>
/// Closing (brief section 2.5), run after the polls are already stored as closed: collect
/// each terminal's signed closing record, count only those that verify (rules.md R5), reconcile
/// against the module's own check-ins and activations, then sign, store and print the acta,
/// and seal the server's event log. Issue 10 point 3: each record is also held against the
/// activations the server burned for that terminal and its count reports (<see cref="CountCheck"/>).
/// </summary>
public sealed class PollsClosing(
    ModuleDocuments docs, ModuleDatabase db, TerminalClient client, ReplyChecks replyChecks, ReceivedDocuments store,
    ActaArchive archive, IReceiptPrinter? printer, ModuleClock clock, EventLog log)
{
    public async Task<PollsCloseResponse> CountAndSign(Actor actor, CancellationToken cancel)
    {
        var count = new ClosingCount(docs.Package);
        var refused = new List<string>();
        var replies = await Task.WhenAll(docs.Config.Terminals.Select(async t =>
        {
            log.Append("closing-record-requested", actor, new() { ["terminal"] = t.TerminalId });
            var reply = await client.Send(t.TerminalId, ModuleCommandKind.Close, cancel);
            return (t.TerminalId, Reply: reply, Record: replyChecks.ClosingRecord(t.TerminalId, reply));
        }));

        var terminals = new List<TerminalClosing>();
        var checks = new List<TerminalCountCheck>();
        var redeemedFor = ServerRedemptions();
        foreach (var (terminalId, reply, record) in replies)
        {
            // Issue 10 point 3: a record that verifies and fits is still held against the server's
            // own counts (CountCheck): an impossible one is refused, a doubtful one counted and flagged.
            var verdict = record.IsOk ? CountCheck.Of(record.Value!, CountReportBook.Read(db, terminalId), redeemedFor.GetValueOrDefault(terminalId)) : null;
            var reason = record.IsOk ? count.Problem(record.Value!) ?? verdict!.Refusal?.Text : record.Error;
            if (reason is not null)
            {
                log.Append("closing-record-refused", actor, new() { ["terminal"] = terminalId, ["reason"] = LogText.Reason(reason) });
                refused.Add($"terminal {terminalId}: closing record refused and not counted ({reason})");
                terminals.Add(new TerminalClosing(terminalId, false, reason));
                checks.Add(new TerminalCountCheck(terminalId, false, [verdict?.Refusal ?? new CountFinding("record-refused", reason)]));
                continue;
            }
            count.Add(record.Value!);
            store.Save(ReceivedDocuments.ClosingRecords, terminalId, reply.Document!);
            log.Append("closing-record-counted", actor, new() { ["terminal"] = terminalId, ["votesSealed"] = record.Value!.VotesSealed.ToString() });
            foreach (var flag in verdict!.Flags)
            {
                log.Append("closing-record-flagged", actor, new() { ["terminal"] = terminalId, ["code"] = flag.Code, ["reason"] = flag.Text });
                refused.Add($"terminal {terminalId}: {flag.Text}");
            }
            terminals.Add(new TerminalClosing(terminalId, true, null));
            checks.Add(new TerminalCountCheck(terminalId, true, verdict.Flags));
        }

        var acta = BuildActa(count, refused, checks);
        archive.Write(acta, docs.ServerKey);
        log.Append("acta-signed", actor, new()
        {
            ["reconciled"] = acta.Reconciliation.Reconciled ? "yes" : "no",
            ["terminalsCounted"] = acta.Terminals.Count.ToString(),
        });
        Print(acta, actor);
        // rules.md R5 and R7: the server's log up to the acta is sealed with the server key,
        // next to the log (the data directory); log-sealed is logged after the seal is written.
        LogSeal.Write(Path.GetDirectoryName(Path.GetFullPath(log.Path_))!, log, docs.ServerKey, clock, actor);
        return new PollsCloseResponse(PollsState.Closed, terminals, acta.Reconciliation.Reconciled, acta.Reconciliation.Discrepancies);
    }

    /// <summary>
    /// Why closing is not finished (no signed acta yet, or terminals missing from it), or null
    /// when every paired terminal is counted in the signed acta (rules.md R6).
    /// </summary>
    public string? Unfinished()
    {
        var acta = archive.ReadSigned(docs.ServerPublicKey);
        if (acta is null) return "no signed acta: the count did not finish";
        var missing = docs.Config.Terminals.Select(t => t.TerminalId).Except(acta.Terminals, StringComparer.Ordinal).ToArray();
        return missing.Length == 0 ? null : "terminals not counted: " + string.Join(", ", missing);
    }

    private IReadOnlyDictionary<string, int> ServerRedemptions()
    {
        using var connection = db.Connect();
        return TerminalRedemptions.Counts(connection);
    }

    private Vmre.Common.Acta.Acta BuildActa(ClosingCount count, IReadOnlyList<string> refused, IReadOnlyList<TerminalCountCheck> checks)
    {
        using var connection = db.Connect();
        var (_, checkedIn) = VoterList.Counts(connection);
        var (issued, redeemed) = ActivationLedger.Counts(connection);
        var styles = StyleLedger.Counts(connection, docs.Package);
        var reconciliation = ReconciliationCheck.Of(count.Counted, refused, checkedIn, issued, redeemed, styles, count.VotesByStyle);
        // Issue 11 point 5: a resumed closing's acta names every acta signed before it, so the
        // final one is the acta no other supersedes.
        return ActaBuilder.Build(docs.Package, docs.Config, docs.PackageHash, clock.Now(),
            count.Counted.Select(r => r.TerminalId).ToArray(), count.Tally, reconciliation, checks, archive.EarlierPayloadHashes(docs.ServerPublicKey));
    }

    private void Print(Vmre.Common.Acta.Acta acta, Actor actor)
    {
        if (printer is null)
        {
            log.Append("acta-not-printed", actor, new() { ["reason"] = "no printer configured" });
            return;
        }
        PrintOutcome outcome;
        // rules.md R6 and R7: a failed port is "not printed" like paper out, never a 500 that skips the log seal.
        try { outcome = printer.Print(ActaTicket.Build(acta, PrepCode.Of(acta))); }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or UnauthorizedAccessException)
        {
            outcome = new PrintOutcome(false, PrinterCondition.Offline, "printer port failed: " + e.Message);
        }
        log.Append(outcome.Printed ? "acta-printed" : "acta-not-printed", actor, new()
        {
            ["condition"] = outcome.Condition.ToString(),
            ["reason"] = outcome.Reason ?? "-",
        });
    }
}
