using Vmre.Audit.Paper;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Firmware.Printing;
using Vmre.HardwareSim.Printer;
using Vmre.Simulator.Clients;
using Vmre.Simulator.Election;
using Vmre.Simulator.Hardware;

namespace Vmre.Simulator.Faults;

/// <summary>
/// An official attending a terminal (rules.md R8): their credential card on the terminal's PN532
/// reader, their PIN on the screen (POST /api/official/clear), the card taken away after; and what
/// they see at the desk (the module server's GET /api/terminals) and on paper (the voided testigo).
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

    /// <summary>
    /// The voided testigo that came out of this terminal, read from its image as the recount will:
    /// it must carry the ANULADO mark; the paper and its reading go back for the caller's checks.
    /// </summary>
    public (PrintedPaper Paper, PaperRead Read) TakeVoided(string why)
    {
        var paper = rig.Tray.TakeVoided(terminal.Id, TimeSpan.FromSeconds(20));
        var read = PaperRecount.Read(paper.Png);
        return read.Verdict == PaperVerdict.Voided ? (paper, read)
            : throw new SimulationFailure($"{terminal.Id}: the voided testigo {why} does not read as void: {read.Finding}");
    }

    /// <summary>
    /// Issue 9 point 1: nothing of the voided selection can be read — no heading or selection in the
    /// text a person reads, no testigo QR in the image.
    /// </summary>
    public static bool SelectionUnreadable((PrintedPaper Paper, PaperRead Read) voided) =>
        voided.Read.Testigo is null && !voided.Paper.Text.Contains(TestigoLayout.Heading);
}
