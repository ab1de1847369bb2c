using Vmre.TestSupport;
using Vmre.Firmware.Signals;
using System.Device.Gpio;
using System.Net.Http.Json;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Devices.GpioSignals;
using Vmre.Terminal.Http;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 3, case 9: the whole terminal (TerminalHost on swtpm, given a simulated GPIO driver in
/// place of the board's chip) driven through its simulated pins as the board's sensors and button would drive them, and read back through
/// its LED and buzzer pins and GET /api/state.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class GpioEndToEndTests
{
    [Fact]
    public async Task Cover_pin_paper_low_pin_confirm_button_and_buzzer_work_end_to_end()
    {
        await using var terminal = new LiveTerminal(withCardReader: true);
        await terminal.Start();
        var gpio = terminal.Gpio;
        var buzzerHigh = new ManualResetEventSlim();
        gpio.PinChanged += (pin, value) => { if (pin == TerminalPins.Buzzer && value == PinValue.High) buzzerHigh.Set(); };
        Assert.True((await terminal.Command(ModuleCommandKind.ZeroReport)).IsOk);
        terminal.Tray.WaitFor(1); // the zero report

        // Cover opened while idle: out of service, fault LED lit.
        gpio.Drive(TerminalPins.CoverSwitch, PinValue.High);
        // The switch's step runs off the GPIO thread (SignalQueue): wait until the whole step shows.
        var fault = await terminal.WaitForState(s => s.Session == "Fault" && s.Message is { } m && m.Contains("Out of service"));
        Assert.Contains("Out of service", fault.Message);
        await Eventually.Holds(() => gpio.Level(TerminalPins.FaultLed) == PinValue.High);
        Assert.Equal(PinValue.High, gpio.Level(TerminalPins.FaultLed));
        Assert.Equal(PinValue.Low, gpio.Level(TerminalPins.ReadyLed));
        await terminal.CloseCover();
        terminal.PresentCard(TestElection.PresidenteCard);
        var clear = await terminal.Api.ClearFault(TestElection.PresidentePin);
        Assert.True(clear.IsOk, clear.Error);
        await terminal.WaitForState(s => s.Session == "Idle");
        Assert.Equal(PinValue.Low, gpio.Level(TerminalPins.FaultLed));

        // Paper low: a warning for the officials, not a fault.
        gpio.Drive(TerminalPins.PaperLowSensor, PinValue.High);
        // The sensor's step runs off the GPIO thread (SignalQueue): wait until the whole step shows.
        var low = await terminal.WaitForState(s => s.Paper == "Low" && s.Alerts is { } alerts && alerts.Any(a => a.Contains("Paper low")));
        Assert.Equal("Idle", low.Session);
        Assert.Contains(low.Alerts!, a => a.Contains("Paper low"));

        // The confirm button (active low): first press prints, a press after release seals.
        var activated = await terminal.Api.Activate(terminal.Election.Activation("E05"));
        Assert.True(activated.IsOk, activated.Error);
        var selected = await terminal.Api.Select(
            new SelectionRequest([new ContestSelection("GOB-05", ["MORENA"], null)]));
        Assert.True(selected.IsOk, selected.Error);
        await terminal.WaitForState(s => s.Session == "Reviewing");
        gpio.Drive(TerminalPins.ConfirmButton, PinValue.Low);
        await terminal.WaitForState(s => s.Session == "VoterVerifying");
        Assert.Empty(terminal.Parts.Store.SealedVotes());
        Assert.False(buzzerHigh.IsSet);
        gpio.Drive(TerminalPins.ConfirmButton, PinValue.High);
        await Task.Delay(100); // let the debounced release register (not a timing assertion)
        gpio.Drive(TerminalPins.ConfirmButton, PinValue.Low);
        await terminal.WaitForState(s => s.Session == "Idle");
        gpio.Drive(TerminalPins.ConfirmButton, PinValue.High);
        Assert.Single(terminal.Parts.Store.SealedVotes());
        Assert.True(PaperReading.Of(terminal.Tray.WaitFor(2)[1]).CountsAsVote);
        Assert.True(buzzerHigh.Wait(TimeSpan.FromSeconds(15)), "the buzzer never sounded after the seal");

        terminal.Parts.Activity.Flush(); // as at polls close: the hour's voter counts are written
        var log = File.ReadAllText(Path.Combine(terminal.DataDir, "events.jsonl"));
        foreach (var evt in new[] { "cover-opened", "device-fault", "fault-cleared", "paper-level", "voter-activity" })
            Assert.Contains($"\"event\":\"{evt}\"", log);
        // Issue 9 point 3: the voter's steps are counts on the hour's line, never timed lines of their own.
        foreach (var step in new[] { "confirm-button:Confirm", "confirm-button:VoterAccepted", "testigo-printed", "vote-sealed", "acceptance-mark-printed" })
        {
            Assert.Contains($"\"{step}\":\"1\"", log);
            Assert.DoesNotContain($"\"event\":\"{step.Split(':')[0]}\"", log);
        }
        Assert.DoesNotContain("MORENA", log);
    }
}
