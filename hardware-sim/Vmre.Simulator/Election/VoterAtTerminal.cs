using Vmre.Audit.Paper;
using Vmre.Simulator.Clients;
using Vmre.Firmware.Signals;
using System.Device.Gpio;
using Vmre.Common.Election;
using Vmre.Common.Protocol;
using Vmre.Firmware.Testigo;
using Vmre.Simulator.Voters;

namespace Vmre.Simulator.Election;

/// <summary>
/// The voter's side of one terminal: the ballot page's own endpoints, or the physical confirm
/// button (GPIO pin 5, pressed through the terminal's simulated GPIO), and the paper they look at.
/// </summary>
public sealed class VoterAtTerminal(ModuleRig rig, SimTerminal terminal)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public async Task<TerminalState> State() => (await terminal.Api.State()).Expect($"{terminal.Id} state");

    /// <summary>Polls the terminal's state until it is <paramref name="session"/>; a bounded wait for a condition, not a sleep.</summary>
    public async Task<TerminalState> WaitFor(string session, string why)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            var state = await State();
            if (state.Session == session) return state;
            if (DateTime.UtcNow > deadline)
                throw new SimulationFailure($"{terminal.Id}: {why}: expected {session}, the terminal is {state.Session} ({state.Message})");
            await Task.Delay(50);
        }
    }

    public async Task Select(IReadOnlyList<Marking> markings)
    {
        var ballot = (await terminal.Api.Ballot()).Expect("ballot");
        if (ballot.Contests.Count != markings.Count) throw new SimulationFailure("ballot shows the wrong contests");
        var selection = new SelectionRequest(markings.Select(m => new ContestSelection(m.ContestId,
            m.Kind == MarkingKind.Parties ? m.PartyCodes : [], m.Kind == MarkingKind.WriteIn ? m.WriteInName : null)).ToArray());
        (await terminal.Api.Select(selection)).Expect("selection");
    }

    public async Task ConfirmOnScreen() => (await terminal.Api.Confirm()).Expect("confirm and print");

    /// <summary>The confirm button while reviewing: the terminal prints the testigo, held uncut (the firmware's ConfirmButton meaning).</summary>
    public async Task ConfirmWithButton()
    {
        Press();
        await WaitFor("VoterVerifying", "the confirm button should have printed the testigo");
    }

    /// <summary>
    /// The voter's paper, cut once they accepted and on its way into the box: read from its image as
    /// the recount reads it, it must count (VMRE-T2 QR, VOTO EMITIDO mark, no ANULADO) with exactly
    /// what they marked (rules.md R1; docs/formats/testigo-marks.md). Until then it was held at the
    /// printer's window, uncut (issue 9 point 1), where the emulator shows no one the page.
    /// </summary>
    public TestigoPayload TakeAcceptedTestigo(IReadOnlyList<Marking> markings)
    {
        var paper = rig.Tray.TakeTestigo(terminal.Id, TimeSpan.FromSeconds(20));
        var read = PaperRecount.Read(paper.Png);
        if (read.Verdict != PaperVerdict.Counted)
            throw new SimulationFailure($"{terminal.Id}: the accepted testigo would not be counted: {read.Finding}");
        if (!read.Testigo!.Contests.Select(TestigoMarkings.FromMarks).SequenceEqual(markings, MarkingComparer.Instance))
            throw new SimulationFailure($"{terminal.Id}: the printed testigo does not show the voter's selection");
        return read.Testigo;
    }

    public async Task AcceptOnScreen() => (await terminal.Api.Accept()).Expect("accept the testigo");

    /// <summary>
    /// The voter reads the held testigo before pressing again: a modelled physical duration. The
    /// terminal debounces the button (30 ms, devices ConfirmButtonInput), and the simulated pin's
    /// edges cross a socket, so a second press right on the heels of the first release can arrive
    /// inside that window and be taken for a bounce; no person presses that fast.
    /// </summary>
    public static readonly TimeSpan ReadingTheTestigo = TimeSpan.FromMilliseconds(400);

    /// <summary>The confirm button while verifying: the vote is sealed and the terminal goes back to idle.</summary>
    public async Task AcceptWithButton()
    {
        await Task.Delay(ReadingTheTestigo);
        Press();
        await WaitFor("Idle", "the confirm button should have accepted the testigo");
    }

    private void Press()
    {
        var gpio = terminal.Gpio ?? throw new SimulationFailure($"{terminal.Id} has no GPIO pins");
        gpio.Press(TerminalPins.ConfirmButton);
        if (gpio.Level(TerminalPins.ConfirmButton) != PinValue.High)
            throw new SimulationFailure($"{terminal.Id}: the confirm button did not come back up");
    }
}
