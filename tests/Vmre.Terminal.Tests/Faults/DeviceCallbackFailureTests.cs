using Vmre.TestSupport;
using Vmre.Firmware.Signals;
using System.Device.Gpio;
using System.Net.Http.Json;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Devices.GpioSignals;
using Vmre.Terminal.Hosting;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Review finding (issue 3, failure handling): the confirm button and the sensors call the booth
/// on the GPIO driver's thread, where an exception (here: the vote store cannot write its journal)
/// ended the terminal process. The simulated driver calls handlers on the thread that drives the
/// pin, so an escaping exception reaches <c>Drive</c> here; on the board it would kill the process.
/// </summary>
[Collection(SerialTimingCollection.Name)]
public sealed class DeviceCallbackFailureTests
{
    [Fact]
    public async Task A_confirm_press_that_fails_in_the_store_is_logged_and_the_terminal_keeps_running()
    {
        await using var terminal = new LiveTerminal();
        await terminal.Start();
        var gpio = terminal.Gpio;
        Assert.True((await terminal.Command(ModuleCommandKind.ZeroReport)).IsOk);
        terminal.Tray.WaitFor(1);
        var activated = await terminal.Api.Activate(terminal.Election.Activation("E05"));
        Assert.True(activated.IsOk, activated.Error);
        var selected = await terminal.Api.Select(
            new SelectionRequest([new ContestSelection("GOB-05", ["MORENA"], null)]));
        Assert.True(selected.IsOk, selected.Error);
        await terminal.WaitForState(s => s.Session == "Reviewing");

        // The store's rollback journal cannot be created: every write fails (a failing disk).
        var journal = Path.Combine(terminal.DataDir, "votes.db-journal");
        Directory.CreateDirectory(journal);
        gpio.Drive(TerminalPins.ConfirmButton, PinValue.Low); // threw out of the GPIO callback before the fix
        gpio.Drive(TerminalPins.ConfirmButton, PinValue.High);
        // The press reaches the booth off the GPIO thread (SignalQueue): wait for its failure in the log.
        var logPath = Path.Combine(terminal.DataDir, "events.jsonl");
        await Eventually.Holds(() => File.ReadAllText(logPath).Contains($"\"{DeviceCallbacks.Failed}\"", StringComparison.Ordinal));
        var log = File.ReadAllText(logPath);
        Assert.Contains($"\"{DeviceCallbacks.Failed}\"", log);
        Assert.Contains("\"source\":\"confirm-button\"", log);
        Assert.Single(terminal.Tray.Settled()); // nothing printed: the testigo was never recorded
        Assert.Equal("Reviewing", (await terminal.WaitForState(_ => true)).Session);

        // The disk is back: the same voter confirms with the button and the vote goes through.
        Directory.Delete(journal);
        await Task.Delay(100); // let the debounced release register (not a timing assertion)
        gpio.Drive(TerminalPins.ConfirmButton, PinValue.Low);
        await terminal.WaitForState(s => s.Session == "VoterVerifying");
        Assert.True((await terminal.Api.Accept()).IsOk);
        Assert.True(PaperReading.Of(terminal.Tray.WaitFor(2)[1]).CountsAsVote); // cut only after the acceptance mark
        Assert.DoesNotContain("MORENA", File.ReadAllText(Path.Combine(terminal.DataDir, "events.jsonl")));
    }

}
