using Vmre.Common.Logging;
using Vmre.Firmware.Session;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// Opening and closing at this terminal, for the module's desk (<see cref="IPollsAtTerminal"/>):
/// a change of polls happens under the booth's one lock, so no activation can slip in between a
/// check and a close (rules.md R1, R6).
/// </summary>
internal sealed class PollsAtBooth(VotingBooth booth) : IPollsAtTerminal
{
    public TerminalPolls Polls => booth.View.Polls;

    public void SetPolls(TerminalPolls polls) => booth.Step(s =>
    {
        booth.Vault.SetPolls(polls);
        s.Polls = polls;
    });

    /// <summary>Close only if no voter is in a session, the check and the close one step under the lock.</summary>
    public bool TryClosePolls() => booth.Step(s =>
    {
        // Out of service with no voter (printer fault, cover opened): the officials who signed
        // the close at the module server (credential and PIN there) may close it. A voter whose
        // session was interrupted must first be attended to at the terminal.
        if (s.State is not (SessionState.Idle or SessionState.Fault)) return false;
        // rules.md R1, R6 (design section 4): marks still owed get one more try here, so no
        // testigo stays in the box unmarked; what cannot print is told to officials and stated
        // by the closing record (voidMarksOwed, acceptanceMarksOwed).
        // Issue 10 point 2: a store with findings takes no change, so no mark is printed from it.
        if (booth.Vault.IntegrityFindings.Count == 0 && !booth.Testigos.PrintOwedMarks())
        {
            var owed = booth.Vault.Testigos();
            // Issue 9 review: the closing record prints next; cut the held paper off first so it
            // does not print under a readable testigo.
            var cut = booth.Testigos.CutHeldPaper();
            booth.Log.Append("marks-owed-at-closing", null, new()
            {
                ["voidMarks"] = owed.VoidMarksOwed.ToString(), ["acceptanceMarks"] = owed.AcceptanceMarksOwed.ToString(),
                ["heldPaperCut"] = cut.ToString(),
            });
            booth.Alerts.Add($"Cierre con {owed.VoidMarksOwed + owed.AcceptanceMarksOwed} marcas sin imprimir / "
                + $"Closed with {owed.VoidMarksOwed} void marks and {owed.AcceptanceMarksOwed} acceptance marks not printed");
        }
        if (s.State == SessionState.Fault)
        {
            booth.Fire(SessionEvent.FaultCleared);
            booth.Log.Append("fault-cleared-for-closing");
        }
        SetPolls(TerminalPolls.Closed); // re-enters the lock: the check and the close stay one step
        // Issue 9 point 3: the voters' counts of this hour are written now, so the closing
        // record's log head (read by the desk right after this) covers every voter's step.
        booth.Activity.Flush();
        return true;
    });

    public VoteTotals Totals() => booth.Vault.Totals();

    public IEnumerable<string> OpenAllVotes() => booth.Vault.OpenAll();
}
