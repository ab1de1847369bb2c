using Vmre.Firmware.Signals;
using System.Collections.Concurrent;
using System.Device.Gpio;
using Vmre.HardwareSim.Gpio;
using Vmre.HardwareSim.Printer;

namespace Vmre.Simulator.Hardware;

/// <summary>
/// The wires from the printer mechanism's sensors to the terminal board (hardware-sim/README.md,
/// pin conventions): paper near end → 6, paper out → 19, cover open → 26, all active high. On a
/// real board they are copper; here each change of <see cref="PrinterEmulator.SensorsChanged"/> is
/// driven onto the board's simulated pins, which the terminal reads through its GPIO daemon. Driven from a thread of
/// its own, never the printer's: the terminal may be waiting on the printer while it reacts to a
/// pin, and the printer must keep answering status requests meanwhile (as copper never blocks).
/// </summary>
public sealed class PrinterSensorWiring : IDisposable
{
    private readonly PrinterEmulator _printer;
    private readonly BlockingCollection<PrinterSensors> _changes = new();
    private readonly Thread _thread;
    private readonly object _gate = new();
    private readonly SimulatedGpioDriver _gpio;
    private int _driven, _pending;

    public PrinterSensorWiring(PrinterEmulator printer, SimulatedGpioDriver gpio)
    {
        _printer = printer;
        _gpio = gpio;
        DriveAll(printer.Sensors);
        printer.SensorsChanged += Queue;
        _thread = new Thread(Run) { IsBackground = true, Name = "printer sensor wiring" };
        _thread.Start();
    }

    /// <summary>Reports a failure to drive a pin; the wiring keeps going.</summary>
    public event Action<string>? Failed;

    /// <summary>Waits until every change raised so far is on the pins (bounded).</summary>
    public bool Settle(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Volatile.Read(ref _pending) > Volatile.Read(ref _driven))
        {
            if (DateTime.UtcNow > deadline) return false;
            Thread.Sleep(10);
        }
        return true;
    }

    private void Queue(PrinterSensors sensors)
    {
        Interlocked.Increment(ref _pending);
        _changes.Add(sensors);
    }

    private void Run()
    {
        foreach (var sensors in _changes.GetConsumingEnumerable())
        {
            try { lock (_gate) DriveAll(sensors); }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or ArgumentOutOfRangeException)
            {
                Failed?.Invoke(e.Message);
            }
            finally { Interlocked.Increment(ref _driven); }
        }
    }

    private void DriveAll(PrinterSensors sensors)
    {
        _gpio.Drive(TerminalPins.PaperLowSensor, Level(sensors.PaperNearEnd));
        _gpio.Drive(TerminalPins.PaperOutSensor, Level(sensors.PaperOut));
        _gpio.Drive(TerminalPins.CoverSwitch, Level(sensors.CoverOpen));
    }

    private static PinValue Level(bool high) => high ? PinValue.High : PinValue.Low;

    public void Dispose()
    {
        _printer.SensorsChanged -= Queue;
        _changes.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(5));
    }
}
