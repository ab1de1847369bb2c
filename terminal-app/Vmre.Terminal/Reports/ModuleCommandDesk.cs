using Vmre.Common.Closing;
using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Election;
using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Common.Time;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.Common.Serialization;
using Vmre.Terminal.Session;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Reports;

/// <summary>
/// The terminal's side of opening and closing (brief sections 2.2 and 2.5): the module server
/// first asks for a challenge, then sends a command signed by its key that echoes it; only a
/// command that <see cref="CommandAdmission"/> admits is obeyed, so none can be replayed (issue 8
/// point 3). The answers (zero report, closing record) are printed and signed by the terminal's
/// TPM key, and echo the command's nonce, that is this terminal's own challenge. At closing the
/// terminal also seals its event log (<c>dataDir/events.seal.json</c>, signed by the same key).
/// <paramref name="time"/> gives the monotonic clock challenges expire on (the system's by default).
/// </summary>
public sealed class ModuleCommandDesk(
    InstalledElection election, TerminalIdentity identity, IPollsAtTerminal terminal,
    IReceiptPrinter printer, ISigner deviceKey, EventLog log, ModuleClock clock, string dataDir, TimeProvider? time = null,
    string? measurementsHash = null)
{
    private readonly CommandAdmission _admission = new(election, identity, new CommandChallenges(time),
        new AcceptedCommands(Path.Combine(dataDir, AcceptedCommands.FileName)));

    /// <summary>
    /// POST /api/module/challenge. Not logged: anyone on the LAN may ask, and a line per request
    /// would let them flood the log; what matters, a command admitted or refused, is logged.
    /// </summary>
    public ModuleChallenge Challenge() => _admission.Challenge();

    /// <summary>
    /// Issue 10 point 2: the vote store's integrity findings for closing record v4 (empty = whole).
    /// The host sets it from <c>VoteVault.IntegrityFindings</c>; until then the record states none.
    /// </summary>
    public Func<IReadOnlyList<IntegrityFinding>> StoreFindings { get; init; } = () => [];

    /// <summary>
    /// Issue 10 point 3: the count report at polls close, sent with the totals the record will carry
    /// before the record is signed (<c>CountReporter.AtPollsClose</c>). A report that fails is logged
    /// by the reporter and never withholds the record: the server flags its absence.
    /// </summary>
    public Action<VoteTotals>? AtPollsClose { get; init; }

    public Parsed<SignedDocument> Handle(SignedDocument? envelope)
    {
        var admitted = _admission.Admit(envelope);
        if (!admitted.IsOk) return Refuse(admitted.Error!);
        var command = admitted.Value!;
        // rules.md E4: the sequence is already on disk; the line says which command it let in.
        log.Append("module-command-accepted", null, new()
        {
            ["command"] = command.Command.ToString(), ["sequence"] = command.Sequence!.Value.ToString(),
        });
        return command.Command switch
        {
            ModuleCommandKind.ZeroReport => ZeroReport(command),
            ModuleCommandKind.Close => Close(command),
            _ => Refuse($"unknown command {command.Command}"),
        };
    }

    private Parsed<SignedDocument> ZeroReport(ModuleCommand command)
    {
        if (terminal.Polls == TerminalPolls.Closed) return Refuse("polls already closed at this terminal");
        var failures = SelfTest();
        var stamp = clock.Now();
        var totals = terminal.Totals();
        var report = new ZeroReport(Common.Closing.ZeroReport.FormatV1, identity.TerminalId, election.Module.ModuleId, election.PackageHash, SoftwareHash.Current,
            stamp.UtcText, stamp.LocalText, command.Nonce,
            totals.VotesSealed, totals.TestigosPrinted, totals.ActivationsRedeemed, failures, measurementsHash);
        var contests = election.Package.Contests;
        // Review finding: a failed port threw out of here (HTTP 500); through PrinterCalls it is a
        // print failure like paper out: the report is answered, the polls stay shut.
        var printed = PrinterCalls.TryPrint(printer, ZeroReportLayout.Build(new ZeroReportData
        {
            ModuleId = report.ModuleId, DeviceId = report.TerminalId, ElectionName = election.Package.Name,
            PackageHash = report.PackageHash, SoftwareHash = report.SoftwareHash, MeasurementsHash = report.Measurements,
            UtcTime = report.Utc, LocalTime = report.Local,
            ContestLabels = contests.Select(c => c.Title).ToArray(),
            ContestCounts = contests.Select(_ => report.VotesSealed).ToArray(),
            TotalVotes = report.VotesSealed,
        }));
        if (!printed.Printed) failures = [.. failures, "zero report not printed: " + printed.Reason];
        report = report with { SelfTestFailures = failures };
        var ok = report.AllZero && failures.Count == 0;
        if (ok) terminal.SetPolls(TerminalPolls.Open);
        log.Append(ok ? "zero-report-printed" : "zero-report-not-zero", null, new()
        {
            ["votesSealed"] = report.VotesSealed.ToString(), ["testigosPrinted"] = report.TestigosPrinted.ToString(),
            ["activationsRedeemed"] = report.ActivationsRedeemed.ToString(), ["failures"] = string.Join("; ", failures),
        });
        return Parsed<SignedDocument>.Ok(SignedDocument.Create(DocumentKinds.ZeroReport, report, deviceKey));
    }

    private Parsed<SignedDocument> Close(ModuleCommand command)
    {
        if (!terminal.TryClosePolls())
            return Refuse("a voter is still voting at this terminal; close when it is idle");
        log.Append("polls-closed");
        // Issue 10 point 2: the whole store verified again before it is counted; findings go into the record.
        var findings = StoreFindings();
        var count = SealedVoteCount.Of(election.Package, terminal.OpenAllVotes());
        var stamp = clock.Now();
        var contests = count.Contests;
        var totals = terminal.Totals();
        AtPollsClose?.Invoke(totals);
        var record = new ClosingRecord(ClosingRecord.FormatV4, identity.TerminalId, election.Module.ModuleId, election.PackageHash,
            stamp.UtcText, stamp.LocalText, command.Nonce, totals.VotesSealed, totals.TestigosPrinted,
            totals.TestigosVoided, totals.ActivationsRedeemed, contests, log.Head, totals.SessionsWithoutVote,
            count.VotesByStyle, totals.VoidMarksOwed, totals.AcceptanceMarksOwed, totals.AcceptanceMarksTorn, findings);
        var signed = SignedDocument.Create(DocumentKinds.ClosingRecord, record, deviceKey);
        // Closing record v4 on paper too: the votes per ballot style follow the contest lines.
        var lines = contests.SelectMany(c => c.Lines.Select(l => (Label: $"{c.ContestId} {l.Key}", l.Count)))
            .Concat(count.VotesByStyle.Select(s => (Label: $"Boleta {s.Style}", Count: s.Votes))).ToArray();
        // Review finding: a failed port threw out of here after the polls were closed, so the
        // signed closing record and the log seal were withheld; now it is logged as not printed.
        var printed = PrinterCalls.TryPrint(printer, ClosingRecordLayout.Build(new ClosingRecordData
        {
            ModuleId = record.ModuleId, DeviceId = record.TerminalId, PackageHash = record.PackageHash,
            UtcTime = record.Utc, LocalTime = record.Local,
            CountLabels = lines.Select(l => l.Label).ToArray(), Counts = lines.Select(l => l.Count).ToArray(),
            VotesSealed = record.VotesSealed, TestigosPrinted = record.TestigosPrinted,
            ActivationsRedeemed = record.ActivationsRedeemed,
            TestigosVoided = record.TestigosVoided, SessionsWithoutVote = record.SessionsWithoutVote,
            RecordHash = Common.Signing.ContentHash.Of(signed.PayloadBytes()),
        }));
        log.Append("closing-record-signed", null, new()
        {
            ["votesSealed"] = record.VotesSealed.ToString(), ["printed"] = printed.Printed.ToString(),
            ["voidMarksOwed"] = totals.VoidMarksOwed.ToString(), ["acceptanceMarksOwed"] = totals.AcceptanceMarksOwed.ToString(),
            ["storeFindings"] = string.Join("; ", record.StoreFindings!.Select(f => f.Code)),
        });
        SealLog();
        return Parsed<SignedDocument>.Ok(signed);
    }

    /// <summary>
    /// rules.md R5 and R7: the log up to here (closing record included) is sealed with the TPM
    /// key; <c>log-sealed</c> is logged only after the seal is on disk. A seal that cannot be
    /// written is logged and does not withhold the already signed closing record.
    /// </summary>
    private void SealLog()
    {
        try { LogSeal.Write(dataDir, log, deviceKey, clock); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Append("log-seal-failed", null, new() { ["reason"] = e.Message });
        }
    }

    private IReadOnlyList<string> SelfTest()
    {
        var failures = new List<string>();
        try
        {
            var condition = printer.Status();
            if (condition != PrinterCondition.Ready) failures.Add($"printer {condition}");
        }
        catch (Exception e) when (PrinterCalls.IsPortFailure(e))
        {
            failures.Add("printer port failed: " + e.Message);
        }
        // Issue 10 point 2: a store that failed verification must not open the polls.
        var store = StoreFindings();
        if (store.Count > 0) failures.Add("vote store failed verification: " + string.Join(", ", store.Select(f => f.Code).Distinct()));
        try { deviceKey.Sign("self-test"u8); }
        catch (Exception e) { failures.Add("TPM signing failed: " + e.Message); }
        return failures;
    }

    private Parsed<SignedDocument> Refuse(string reason)
    {
        log.Append("module-command-refused", null, new() { ["reason"] = reason });
        return Parsed<SignedDocument>.Fail(reason);
    }
}
