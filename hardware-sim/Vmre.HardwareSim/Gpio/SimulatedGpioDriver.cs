using System.Device.Gpio;
using Vmre.Devices.GpioSignals;

namespace Vmre.HardwareSim.Gpio;

/// <summary>
/// An in-memory GPIO chip for <c>new GpioController(driver)</c> (BRIEF §4: System.Device.Gpio
/// on hardware, a simulated driver in the simulator), in process for tests or served to a
/// terminal's process by <see cref="GpioDaemon"/>. Outputs record what the firmware wrote;
/// the simulator or a test <see cref="Drive"/>s inputs, which raises the registered edge
/// callbacks exactly as a button press on real pins would.
/// </summary>
public sealed class SimulatedGpioDriver : EdgeCallbackGpioDriver
{
    private readonly object _gate = new();
    private readonly Dictionary<int, SimulatedPin> _pins = new();

    public SimulatedGpioDriver(int pinCount = 64) => PinCount = pinCount;

    /// <summary>Every level change on any pin (written or driven), e.g. to log LEDs.</summary>
    public event Action<int, PinValue>? PinChanged;

    protected override int PinCount { get; }

    /// <summary>Pins on the simulated chip, numbered 0..PinTotal-1 (PinCount is protected in GpioDriver).</summary>
    public int PinTotal => PinCount;

    /// <summary>The level a pin is at now, whatever its mode (what a probe on the pin would see).</summary>
    public PinValue Level(int pin) { lock (_gate) return Pin(pin).Value; }

    /// <summary>Whether the firmware has the pin open.</summary>
    public bool IsOpen(int pin) { lock (_gate) return _pins.TryGetValue(pin, out var p) && p.IsOpen; }

    /// <summary>The outside world sets an input pin (a button, a sensor); edges raise callbacks.</summary>
    public void Drive(int pin, PinValue value) => SetLevel(pin, value);

    /// <summary>
    /// A finger's press and release of an active-low button (the terminal's confirm button): low,
    /// held, high again; returns after the release. The default hold of 100 ms is longer than any
    /// sane debounce, as a finger's press is.
    /// </summary>
    public void Press(int pin, TimeSpan? hold = null)
    {
        Drive(pin, PinValue.Low);
        Thread.Sleep(hold ?? TimeSpan.FromMilliseconds(100));
        Drive(pin, PinValue.High);
    }

    protected override void OpenPin(int pinNumber)
    {
        lock (_gate) Pin(pinNumber).IsOpen = true;
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            var pin = Pin(pinNumber);
            pin.IsOpen = false;
            pin.Callbacks.Clear();
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        PinValue? pulled;
        lock (_gate)
        {
            var pin = Pin(pinNumber);
            pin.Mode = mode;
            // An unconnected input reads its pull resistor.
            pulled = mode switch { PinMode.InputPullUp => PinValue.High, PinMode.InputPullDown => PinValue.Low, _ => null };
            if (pin.Driven) pulled = null;
        }
        if (pulled is { } level) SetLevel(pinNumber, level, driven: false);
    }

    protected override PinMode GetPinMode(int pinNumber) { lock (_gate) return Pin(pinNumber).Mode; }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    protected override PinValue Read(int pinNumber) => Level(pinNumber);

    protected override void Write(int pinNumber, PinValue value) => SetLevel(pinNumber, value, driven: false);


    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate) Pin(pinNumber).Callbacks.Add((eventTypes, callback));
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate) Pin(pinNumber).Callbacks.RemoveAll(c => c.Handler == callback);
    }

    private SimulatedPin Pin(int number)
    {
        if (number < 0 || number >= PinCount) throw new ArgumentOutOfRangeException(nameof(number), number, $"pins are 0..{PinCount - 1}");
        if (!_pins.TryGetValue(number, out var pin)) _pins[number] = pin = new SimulatedPin();
        return pin;
    }

    private void SetLevel(int number, PinValue value, bool driven = true)
    {
        (PinEventTypes, PinChangeEventHandler)[] toCall;
        lock (_gate)
        {
            var pin = Pin(number);
            if (driven) pin.Driven = true;
            if (pin.Value == value) return;
            pin.Value = value;
            var edge = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            toCall = pin.Callbacks.Where(c => (c.Events & edge) != 0).ToArray();
        }
        PinChanged?.Invoke(number, value);
        var args = new PinValueChangedEventArgs(value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling, number);
        // Outside the lock: a callback may well read or write pins itself.
        foreach (var (_, handler) in toCall) handler(this, args);
    }
}
