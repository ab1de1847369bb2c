using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 3, case 8 (rules.md R8): only a module official with their card on the real PN532
/// reader and their PIN may clear a fault. Every refusal is logged as official-refused with its
/// reason, never with the PIN typed.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class OfficialRefusalTests : BoothFaultCase
{
    private static readonly string[] WrongPins = ["73914682", "51827364", "60418273"];

    [Fact]
    public void No_card_a_stranger_an_observer_and_three_wrong_pins_are_refused_and_the_card_stays_locked()
    {
        Rig.OpenPolls();
        Booth.Signals.CoverChanged(true);
        Booth.Signals.CoverChanged(false);
        Assert.Equal(SessionState.Fault, Booth.View.State);

        Assert.Equal("present your official card to the reader", Booth.Officials.ClearFault(TestElection.PresidentePin).Error);
        Rig.PresentCard("OFC-DAL-PRES");
        Assert.Equal($"card OFC-DAL-PRES is not an official of module {TestElection.ModuleId}", Booth.Officials.ClearFault(TestElection.PresidentePin).Error);
        Rig.PresentCard(TestElection.ObserverCard);
        Assert.Equal("observers may not act on a terminal", Booth.Officials.ClearFault(TestElection.ObserverPin).Error);

        Rig.PresentCard(TestElection.PresidenteCard);
        for (var i = 0; i < WrongPins.Length; i++)
            Assert.Equal($"wrong PIN ({i + 1} of {OfficialAtTerminal.MaxPinFailures})", Booth.Officials.ClearFault(WrongPins[i]).Error);
        Assert.Equal($"credential locked at this terminal after {OfficialAtTerminal.MaxPinFailures} wrong PINs",
            Booth.Officials.ClearFault(TestElection.PresidentePin).Error);
        Assert.Equal(SessionState.Fault, Booth.View.State);
        Assert.True(Rig.Lights.Last!.Fault);

        var log = Rig.LogText;
        Assert.Equal(7, log.Split('\n').Count(line => line.Contains("\"official-refused\"")));
        Assert.DoesNotContain("\"fault-cleared\"", log);
        foreach (var pin in WrongPins) Assert.DoesNotContain(pin, log);
        Assert.DoesNotContain($"\"{TestElection.PresidentePin}\"", log);
        Assert.DoesNotContain($"\"{TestElection.ObserverPin}\"", log);
    }
}
