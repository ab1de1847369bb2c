using Vmre.Common.Election;
using Vmre.Firmware.Printing;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Faults;

public sealed partial class FaultsOfTheDay
{
    /// <summary>
    /// The power is cut (SIGKILL) after the voter's testigo printed, before they accepted it. The
    /// terminal restarts on the same data folder, swtpm, printer pty, card reader pty and GPIO socket;
    /// before any voter it voids the unfinished testigo and prints its notice (rules.md R6). The vote
    /// was never accepted, so it is not recorded: the closing record counts a session without a vote.
    /// </summary>
    public async Task PowerCut(VoterAtTerminal booth, SimTerminal terminal, IReadOnlyList<Marking> markings)
    {
        say($"fault: the power of {terminal.Id} is cut after a testigo printed, before the voter accepted it");
        await booth.Select(markings);
        await booth.ConfirmOnScreen();
        var shown = booth.LookAtTestigo(markings);
        terminal.Process!.PowerCut();
        await rig.PowerComesBack(terminal);
        var notice = new OfficialAtTerminal(rig, terminal).TakeNotice("printed at restart");
        var state = await booth.WaitFor("Idle", "after the restart the terminal recovers and serves voters again");
        findings.Check(notice.Reason == VoidReason.PowerLoss,
            $"{terminal.Id} killed (SIGKILL) with a printed testigo not yet accepted, restarted on the same TPM, ptys and GPIO socket; "
            + $"at start it printed the voiding notice ({VoidReasonCodes.CodeOf(notice.Reason)}) naming that testigo");
        findings.Check(Mentions(state.Alerts, "power cut"),
            $"{terminal.Id} tells the voter and officials their testigo was voided, the vote not recorded: \"{state.Alerts?.FirstOrDefault()}\"");
    }
}
