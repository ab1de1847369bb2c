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
    /// Bytes of the testigo's print job after which the paper jams: past its header and the
    /// "Testigo &lt;id&gt;" line (printed first so a torn testigo can be matched to its notice,
    /// docs/formats/voiding-notice.md), well before its QR.
    /// </summary>
    public const int JamAfterBytes = 260;

    /// <summary>
    /// The printer jams in the middle of the voter's testigo: the torn paper comes out, the session
    /// is Interrupted (the vote NOT recorded), the desk shows the alert; the official clears the jam,
    /// presents the presidente's card and PIN; the voiding notice prints; the voter confirms again
    /// with their marks kept and accepts. Their vote counts once.
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
        findings.Check(!confirm.IsOk && torn.Torn && torn.Text.Contains("Testigo ") && PaperRecount.ReadTestigo(torn.Png) is null,
            $"jam at {terminal.Id}: the confirmation was refused ({confirm.Error}); a torn testigo came out with its id line and no QR");
        findings.Check(state.Message?.Contains("NOT recorded") == true, $"{terminal.Id} shows Interrupted: {state.Message}");
        var desk = await official.AtTheDesk();
        findings.Check(desk.Session == "Interrupted" && Mentions(desk.Alerts, "Testigo anulado"),
            $"the module server's desk shows {terminal.Id} Interrupted with the alert \"{desk.Alerts.FirstOrDefault()}\"");

        var early = await official.ClearFault(SimOfficial.Presidente, SimOfficial.Presidente.Pin);
        findings.Check(!early.IsOk && early.Error!.Contains("not ready"), $"clearing before the jam is cleared is refused: {early.Error}");
        terminal.Printer.ClearJam();
        var cleared = await official.ClearFault(SimOfficial.Presidente, SimOfficial.Presidente.Pin);
        var notice = official.TakeNotice("for the jammed testigo");
        findings.Check(cleared.IsOk && notice.Reason == VoidReason.PrinterFault && torn.Text.Contains("Testigo " + notice.TestigoId),
            $"the official cleared the jam, presented the presidente's card on {terminal.Id}'s NFC reader and typed the PIN "
            + $"({cleared.Value ?? cleared.Error}); the voiding notice ({VoidReasonCodes.CodeOf(notice.Reason)}) names the torn testigo");

        await booth.WaitFor("Selecting", "after the fault is cleared the voter continues");
        var kept = (await terminal.Api.Review()).Expect("the marks kept across the interruption");
        await booth.Select(markings); // the ballot page sends the kept marks again with the confirmation
        await booth.ConfirmOnScreen();
        var testigo = booth.LookAtTestigo(markings);
        await booth.AcceptOnScreen();
        findings.Check(kept.Lines.Count == markings.Count && testigo is not null,
            $"the voter at {terminal.Id} confirmed again with their {kept.Lines.Count} marks kept and accepted a new testigo");
    }
}
