using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Election;
using Vmre.Common.Logging;
using Vmre.Firmware.Printing;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// The testigo on one paper (rules.md R1; issue 9, design section 4): composed and recorded
/// before the first byte goes to the printer, its body printed and held uncut on the roll while
/// the voter looks. Accepted: the vote is sealed first, then the acceptance mark (VOTO EMITIDO)
/// prints under it and the paper is cut. Not accepted: the void mark (a black band over the
/// selection, ANULADO and the reason) prints over the same paper. A mark that cannot print stays
/// owed in the vault, across restarts, until it does. The booth decides when; this does it on the
/// printer and in the vault. Voters' steps are counted in <see cref="VoterActivity"/>, never a
/// timed line (issue 9 point 3); only the printer's failures keep their time (a device event).
/// </summary>
public sealed class TestigoPrinting(InstalledElection election, VoteVault vault, IReceiptPrinter printer, EventLog log, VoterActivity activity)
{
    /// <summary>Compose and record the testigo (rules.md R4, R6: a failure while composing leaves no row half made).</summary>
    public Testigo Begin(BallotStyle style, IReadOnlyList<Marking> markings)
    {
        var testigo = Testigo.Compose(election, style, markings);
        vault.BeginPrinting(testigo.RowId);
        return testigo;
    }

    /// <summary>Print its body (held on the roll, uncut); a printer that acknowledged it whole marks the row printed.</summary>
    public PrintOutcome Print(Testigo testigo)
    {
        var outcome = PrinterCalls.TryPrint(printer, testigo.Body);
        if (!outcome.Printed) return outcome;
        vault.Printed(testigo.RowId);
        activity.Record("testigo-printed", Actor.Voter);
        return outcome;
    }

    /// <summary>
    /// The voter accepted: the same payload as the paper becomes the sealed vote (rules.md R1), and
    /// counts from here with its acceptance mark owed. The booth prints the mark next (<see cref="PrintOwedMarks"/>).
    /// </summary>
    public void Seal(Testigo testigo)
    {
        vault.Seal(testigo.RowId, testigo.Payload);
        activity.Record("vote-sealed", Actor.Voter);
    }

    /// <summary>Void a testigo that will never be sealed; its void mark is owed when any of it may be on paper.</summary>
    public void Void(Testigo testigo, VoidReason reason, bool mayBeOnPaper)
    {
        var code = VoidReasonCodes.CodeOf(reason);
        if (mayBeOnPaper) vault.Voiding(testigo.RowId, code);
        else vault.Voided(testigo.RowId);
        activity.Record("testigo-voided", Actor.Voter, code);
    }

    /// <summary>Void marks and acceptance marks not printed yet (they survive a restart in the vault).</summary>
    public int MarksOwed => vault.VoidMarksOwed().Count + vault.AcceptanceMarksOwed().Count;

    /// <summary>
    /// Prints every owed mark on the paper held at the printer's head: the void marks, then the
    /// acceptance marks. False at the first that fails (it stays owed; the booth goes out of
    /// service). Only one paper is ever held: a mark that cannot print stops the terminal before
    /// the next testigo.
    /// </summary>
    public bool PrintOwedMarks()
    {
        foreach (var (rowId, code) in vault.VoidMarksOwed())
        {
            // A row voided before this version kept no reason: a restart voided it.
            var reason = VoidReasonCodes.TryParse(code, out var parsed) ? parsed : VoidReason.PowerLoss;
            if (!PrintMark(TestigoLayout.Voided(reason), out _)) return false;
            vault.VoidMarkPrinted(rowId);
            activity.Record("void-mark-printed", Actor.Voter, VoidReasonCodes.CodeOf(reason));
        }
        foreach (var rowId in vault.AcceptanceMarksOwed())
        {
            if (!PrintMark(TestigoLayout.Accepted(), out var paperMayHaveLeft))
            {
                // The held testigo may have been torn off without VOTO EMITIDO: say so in the
                // closing record, where the acta states it (rules.md R1, R6; issue 9 review).
                if (paperMayHaveLeft) vault.AcceptanceMarkTorn(rowId);
                return false;
            }
            vault.Cast(rowId);
            activity.Record("acceptance-mark-printed", Actor.Voter);
        }
        return true;
    }

    /// <summary>
    /// Issue 9 review: a mark still owed at closing means a testigo may be held uncut at the head;
    /// the closing record must not print on that paper under a readable testigo. Feed and cut it
    /// off first. False when the printer did not take the cut (logged as a device event).
    /// </summary>
    public bool CutHeldPaper()
    {
        var cut = new EscPosWriter();
        cut.Initialize().Feed(4).Cut();
        var outcome = PrinterCalls.TryPrint(printer, cut.ToArray());
        if (!outcome.Printed)
            log.Append("held-paper-cut-failed", null, new() { ["condition"] = outcome.Condition.ToString(), ["reason"] = outcome.Reason ?? "" });
        return outcome.Printed;
    }

    /// <summary>
    /// At start (rules.md R6): testigos a crash or power cut left printing or printed were never
    /// accepted, so they are voided with reason POWER and their void mark owed. Returns how many.
    /// </summary>
    public int VoidUnfinished()
    {
        var unfinished = vault.UnfinishedTestigos();
        foreach (var rowId in unfinished) vault.Voiding(rowId, VoidReasonCodes.PowerLoss);
        if (unfinished.Count > 0)
            log.Append("unfinished-testigos-voided", null, new() { ["count"] = unfinished.Count.ToString() });
        return unfinished.Count;
    }

    /// <summary>
    /// A printer failure is a device event and keeps its time; it never names the mark or its
    /// reason, which would tell how the session at that time ended (issue 9 point 3).
    /// </summary>
    private bool PrintMark(byte[] mark, out bool paperMayHaveLeft)
    {
        var outcome = PrinterCalls.TryPrint(printer, mark);
        paperMayHaveLeft = !outcome.Printed && outcome.PaperMayHaveLeft;
        if (outcome.Printed) return true;
        log.Append("mark-print-failed", null, new() { ["condition"] = outcome.Condition.ToString(), ["reason"] = outcome.Reason ?? "" });
        return false;
    }
}
