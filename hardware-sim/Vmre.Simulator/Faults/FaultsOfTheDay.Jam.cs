using Vmre.Audit.Paper;
using Vmre.Simulator.Clients;
using Vmre.Common.Election;
using Vmre.Common.Protocol;
using Vmre.Firmware.Printing;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Faults;

public sealed partial class FaultsOfTheDay
{
    /// <summary>
    /// Bytes of the testigo's print job after which the paper jams: past its heading, before its QR
    /// prints (the QR follows every contest's lines), so the torn paper shows part of a testigo and
    /// no QR: not a vote by the counters' rule (docs/formats/testigo-marks.md).
    /// </summary>
    public const int JamAfterBytes = 260;

    /// <summary>
    /// The printer jams in the middle of the voter's testigo: the torn paper comes out, the session
    /// is Interrupted (the vote NOT recorded), the desk shows the alert; the official clears the jam,
    /// presents the presidente's card and PIN; the void prints on its own paper (ANULADO, PRINTER);
    /// the voter confirms again with their marks kept and accepts. Their vote counts once.
    /// </summary>
    public async Task PrinterJams(VoterAtTerminal booth, SimTerminal terminal, IReadOnlyList<Marking> markings)
    {
        say($"fault: the printer of {terminal.Id} jams in the middle of a testigo");
        var official = new OfficialAtTerminal(rig, terminal);
        await booth.Select(markings);
        terminal.Printer!.JamAfterBytes(JamAfterBytes);
        var confirm = await terminal.Api.Confirm();
        var torn = rig.Tray.TakeTorn(terminal.Id, PaperWait);
        var state = await booth.WaitFor("Interrupted", "a jam must interrupt the session");
        var fragment = PaperRecount.Read(torn.Png);
        findings.Check(!confirm.IsOk && torn.Torn && torn.Text.Contains(TestigoLayout.Heading) && fragment is { Verdict: PaperVerdict.NotAVote, Testigo: null },
            $"jam at {terminal.Id}: the confirmation was refused ({confirm.Error}); a torn testigo came out with no QR, not a vote by the counters' rule ({fragment.Finding})");
        findings.Check(state.Message?.Contains("NOT recorded") == true, $"{terminal.Id} shows Interrupted: {state.Message}");
        var desk = await official.AtTheDesk();
        findings.Check(desk.Session == "Interrupted" && Mentions(desk.Alerts, "Testigo anulado"),
            $"the module server's desk shows {terminal.Id} Interrupted with the alert \"{desk.Alerts.FirstOrDefault()}\"");

        var early = await official.ClearFault(SimOfficial.Presidente, SimOfficial.Presidente.Pin);
        findings.Check(!early.IsOk && early.Error!.Contains("not ready"), $"clearing before the jam is cleared is refused: {early.Error}");
        terminal.Printer.ClearJam();
        var cleared = await official.ClearFault(SimOfficial.Presidente, SimOfficial.Presidente.Pin);
        var voided = official.TakeVoided("for the jammed testigo");
        findings.Check(cleared.IsOk && voided.Read.Void == VoidReason.PrinterFault && OfficialAtTerminal.SelectionUnreadable(voided),
            $"the official cleared the jam, presented the presidente's card on {terminal.Id}'s NFC reader and typed the PIN "
            + $"({cleared.Value ?? cleared.Error}); the terminal printed ANULADO ({VoidReasonCodes.CodeOf(VoidReason.PrinterFault)}) on its own paper");

        await booth.WaitFor("Selecting", "after the fault is cleared the voter continues");
        var kept = (await terminal.Api.Review()).Expect("the marks kept across the interruption");
        await booth.Select(markings); // the ballot page sends the kept marks again with the confirmation
        await booth.ConfirmOnScreen();
        await booth.AcceptOnScreen();
        booth.TakeAcceptedTestigo(markings);
        findings.Check(kept.Lines.Count == markings.Count,
            $"the voter at {terminal.Id} confirmed again with their {kept.Lines.Count} marks kept and accepted a new testigo, counted by the recount");
    }
}
