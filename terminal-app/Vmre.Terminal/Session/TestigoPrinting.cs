using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Election;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Firmware.Printing;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// The testigo on paper (rules.md R1): composed and recorded before the first byte goes to the
/// printer, printed whole and acknowledged, sealed only after the voter has seen it. A testigo
/// that does not end sealed is voided, and when any of it may be on paper a voiding notice naming
/// it is owed until it prints, so the paper recount leaves it out. The booth decides when; this
/// does it on the printer and in the vault. Never the testigo id in the log (rules.md R3).
/// </summary>
public sealed class TestigoPrinting(InstalledElection election, string terminalId, VoteVault vault, IReceiptPrinter printer, EventLog log)
{
    private readonly Dictionary<string, VoidReason> _noticeReasons = new();

    /// <summary>Compose and record the testigo (rules.md R4, R6: a failure while composing leaves no row half made).</summary>
    public Testigo Begin(BallotStyle style, IReadOnlyList<Marking> markings)
    {
        var testigo = Testigo.Compose(election, style, markings);
        vault.BeginPrinting(testigo.Id);
        return testigo;
    }

    /// <summary>Print it; a printer that acknowledged the whole ticket marks the row printed.</summary>
    public PrintOutcome Print(Testigo testigo)
    {
        var outcome = PrinterCalls.TryPrint(printer, testigo.Ticket);
        if (outcome.Printed) vault.Printed(testigo.Id);
        return outcome;
    }

    /// <summary>The voter saw it: the same payload as the paper becomes the sealed vote (rules.md R1).</summary>
    public void Seal(Testigo testigo) => vault.Seal(testigo.Id, testigo.Payload);

    /// <summary>Void a testigo that will never be sealed; a notice is owed when any of it may be on paper.</summary>
    public void Void(Testigo testigo, VoidReason reason, bool mayBeOnPaper)
    {
        if (mayBeOnPaper)
        {
            vault.VoidWithNotice(testigo.Id);
            _noticeReasons[testigo.Id] = reason;
        }
        else vault.Voided(testigo.Id);
        log.Append("testigo-voided", null, new()
        {
            ["reason"] = VoidReasonCodes.CodeOf(reason),
            ["noticeOwed"] = mayBeOnPaper ? "true" : "false",
        });
    }

    /// <summary>How many voiding notices are still owed (they survive a restart in the vault).</summary>
    public int NoticesOwed => vault.NoticesOwed().Count;

    /// <summary>Prints every owed voiding notice; false at the first that fails (it stays owed).</summary>
    public bool PrintOwedNotices()
    {
        foreach (var id in vault.NoticesOwed())
        {
            // A notice owed since before a restart has lost its reason with the memory: a power cut voided it.
            var reason = _noticeReasons.GetValueOrDefault(id, VoidReason.PowerLoss);
            var outcome = PrinterCalls.TryPrint(printer, VoidingNotice.Compose(election, terminalId, id, reason));
            if (!outcome.Printed)
            {
                log.Append("voiding-notice-failed", null, new() { ["condition"] = outcome.Condition.ToString(), ["reason"] = outcome.Reason ?? "" });
                return false;
            }
            vault.NoticePrinted(id);
            _noticeReasons.Remove(id);
            log.Append("voiding-notice-printed", null, new() { ["reason"] = VoidReasonCodes.CodeOf(reason) });
        }
        return true;
    }

    /// <summary>
    /// At start (rules.md R6): testigos a crash or power cut left printing or printed were never
    /// accepted, so they are voided with a notice owed. Returns how many.
    /// </summary>
    public int VoidUnfinished()
    {
        var unfinished = vault.UnfinishedTestigos();
        foreach (var id in unfinished) vault.VoidWithNotice(id);
        if (unfinished.Count > 0)
            log.Append("unfinished-testigos-voided", null, new() { ["count"] = unfinished.Count.ToString() });
        return unfinished.Count;
    }
}
