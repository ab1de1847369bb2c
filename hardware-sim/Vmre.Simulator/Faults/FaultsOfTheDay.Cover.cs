using Vmre.Simulator.Election;

namespace Vmre.Simulator.Faults;

public sealed partial class FaultsOfTheDay
{
    /// <summary>
    /// The printer cover of an idle terminal is opened (the emulator's cover, mirrored onto the cover
    /// switch, GPIO 26): the terminal goes out of service and the desk shows it. Clearing it while
    /// the cover is open is refused; once closed, the secretario clears it with card and PIN.
    /// </summary>
    public async Task CoverOpensAtIdle(SimTerminal terminal)
    {
        say($"fault: the printer cover of idle {terminal.Id} is opened");
        var booth = new VoterAtTerminal(rig, terminal);
        var official = new OfficialAtTerminal(rig, terminal);
        terminal.Printer!.OpenCover();
        var wired = terminal.Wiring!.Settle(WiringWait);
        var state = await booth.WaitFor("Fault", "an opened cover takes an idle terminal out of service");
        var desk = await official.AtTheDesk();
        findings.Check(wired && state.Message?.Contains("Out of service") == true && desk.Session == "Fault" && Mentions(desk.Alerts, "cover"),
            $"cover opened at idle {terminal.Id} (emulator and GPIO 26): out of service, the desk shows \"{desk.Alerts.FirstOrDefault()}\"");

        var early = await official.ClearFault(SimOfficial.Secretario, SimOfficial.Secretario.Pin);
        terminal.Printer.CloseCover();
        terminal.Wiring.Settle(WiringWait);
        var cleared = await ClearOnceTheTerminalSeesTheCoverClosed(official);
        await booth.WaitFor("Idle", "the officials cleared the opened cover");
        findings.Check(!early.IsOk && cleared.IsOk,
            $"clearing with the cover still open refused ({early.Error}); closed, the secretario's card and PIN cleared it: {cleared.Value ?? cleared.Error}");
    }

    /// <summary>
    /// The closed cover reaches the terminal's process as a GPIO edge through its daemon, after the
    /// simulator drove the pin; on a loaded machine the first try can come before it. The official
    /// tries again while the terminal still reports the cover open (a bounded wait, not a sleep).
    /// </summary>
    private static async Task<Vmre.Common.Serialization.Parsed<string>> ClearOnceTheTerminalSeesTheCoverClosed(OfficialAtTerminal official)
    {
        var deadline = DateTime.UtcNow + WiringWait;
        while (true)
        {
            var cleared = await official.ClearFault(SimOfficial.Secretario, SimOfficial.Secretario.Pin);
            if (cleared.IsOk || cleared.Error?.Contains("cover is open") != true || DateTime.UtcNow > deadline) return cleared;
            await Task.Delay(200);
        }
    }
}
