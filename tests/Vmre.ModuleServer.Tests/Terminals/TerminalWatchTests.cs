using Vmre.Common.Protocol;
using Vmre.ModuleServer.Terminals;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Terminals;

/// <summary>
/// Issue 3, "officials see what happened": the desk's /api/terminals shows each paired
/// terminal's session, paper and device alerts, and says so when a terminal does not answer.
/// </summary>
public sealed class TerminalWatchTests
{
    [Fact]
    public async Task The_desk_sees_each_terminals_state_and_alerts_and_one_that_does_not_answer()
    {
        await using var module = await TestModule.Started(terminals: 2);
        module.Terminals[0].State = new TerminalState("T1", "Open", "Interrupted",
            "Votación interrumpida: the printer is out of paper", "Out", ["Testigo anulado: la impresora falló a media impresión (PaperOut)"]);
        await module.Terminals[1].DisposeAsync(); // switched off, cable pulled

        var seen = await module.Sightings();

        Assert.Equal(["T1", "T2"], seen.Select(t => t.TerminalId));
        var t1 = seen[0];
        Assert.True(t1.Reachable);
        Assert.Equal(("Interrupted", "Out"), (t1.Session, t1.Paper));
        Assert.Contains("a media impresión", Assert.Single(t1.Alerts));
        var t2 = seen[1];
        Assert.False(t2.Reachable);
        Assert.StartsWith("terminal unreachable", t2.Problem);
        Assert.Empty(t2.Alerts);
    }
}
