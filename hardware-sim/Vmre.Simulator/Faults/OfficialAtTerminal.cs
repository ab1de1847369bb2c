using Vmre.Audit.Paper;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Firmware.Printing;
using Vmre.Simulator.Clients;
using Vmre.Simulator.Election;
using Vmre.Simulator.Hardware;

namespace Vmre.Simulator.Faults;

/// <summary>
/// An official attending a terminal (rules.md R8): their credential card on the terminal's PN532
/// reader, their PIN on the screen (POST /api/official/clear), the card taken away after; and what
/// they see at the desk (the module server's GET /api/terminals) and on paper (the voiding notice).
/// </summary>
public sealed class OfficialAtTerminal(ModuleRig rig, SimTerminal terminal)
{
    public async Task<Parsed<string>> ClearFault(SimOfficial official, string pin) =>
        await WithCard(official, () => terminal.Api.ClearFault(pin));

    private async Task<T> WithCard<T>(SimOfficial official, Func<Task<T>> act)
    {
        var reader = terminal.CardReader ?? throw new SimulationFailure($"{terminal.Id} has no card reader");
        reader.PresentCard(OfficialCards.For(official));
        try { return await act(); }
        finally { reader.RemoveCard(); }
    }

    /// <summary>The terminal as the desk shows it to officials.</summary>
    public async Task<TerminalSighting> AtTheDesk()
    {
        var all = (await rig.Server.Terminals()).Expect("terminals at the desk");
        return all.SingleOrDefault(s => s.TerminalId == terminal.Id)
            ?? throw new SimulationFailure($"the desk does not show {terminal.Id}");
    }

    /// <summary>The voiding notice that came out of this terminal, read from its QR as the recount will.</summary>
    public VoidingNoticePayload TakeNotice(string why)
    {
        var paper = rig.Tray.TakeNotice(terminal.Id, TimeSpan.FromSeconds(20));
        return PaperRecount.ReadNotice(paper.Png) ?? throw new SimulationFailure($"{terminal.Id}: the voiding notice {why} does not read");
    }
}
