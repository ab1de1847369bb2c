using Vmre.Common.Election;
using Vmre.Firmware.Printing;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Faults;

public sealed partial class FaultsOfTheDay
{
    /// <summary>
    /// The power is cut (SIGKILL) after the voter's testigo printed, held uncut at the window, before
    /// they accepted it. The terminal restarts on the same data folder, swtpm state (power-cycled: a
    /// new measured start, issue 10 point 1), printer pty, card reader pty and GPIO socket; before any voter it voids the unfinished testigo on the paper still
    /// held at the head: the band over it, ANULADO (POWER), cut (rules.md R6; issue 9 point 1). The
    /// vote was never accepted, so it is not recorded: the closing record counts a session without a vote.
    /// </summary>
    public async Task PowerCut(VoterAtTerminal booth, SimTerminal terminal, IReadOnlyList<Marking> markings)
    {
        say($"fault: the power of {terminal.Id} is cut after a testigo printed, before the voter accepted it");
        await booth.Select(markings);
        await booth.ConfirmOnScreen();
        terminal.Process!.PowerCut();
        await rig.PowerComesBack(terminal);
        var voided = new OfficialAtTerminal(rig, terminal).TakeVoided("printed at restart");
        var state = await booth.WaitFor("Idle", "after the restart the terminal recovers and serves voters again");
        findings.Check(voided.Read.Void == VoidReason.PowerLoss && OfficialAtTerminal.SelectionUnreadable(voided),
            $"{terminal.Id} killed (SIGKILL) with a printed testigo not yet accepted, restarted on the same TPM, ptys and GPIO socket; "
            + $"at start it printed over that testigo on its held paper, ANULADO ({VoidReasonCodes.CodeOf(VoidReason.PowerLoss)}): its selection no longer reads");
        findings.Check(Mentions(state.Alerts, "power cut"),
            $"{terminal.Id} tells the voter and officials their testigo was voided, the vote not recorded: \"{state.Alerts?.FirstOrDefault()}\"");
    }
}
