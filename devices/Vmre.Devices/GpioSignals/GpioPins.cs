using System.Device.Gpio;
using Vmre.Firmware.Signals;

namespace Vmre.Devices.GpioSignals;

/// <summary>The firmware's pin interfaces over System.Device.Gpio: a real chip or the simulator's driver.</summary>
public sealed class GpioOutputPin : IOutputPin
{
    private readonly GpioController _gpio;
    private readonly int _pin;

    public GpioOutputPin(GpioController gpio, int pin)
    {
        (_gpio, _pin) = (gpio, pin);
        _gpio.OpenPin(pin, PinMode.Output, PinValue.Low);
    }

    public void Write(bool high) => _gpio.Write(_pin, high ? PinValue.High : PinValue.Low);
}

/// <summary>An input pin; <see cref="Changed"/> fires on both edges (sensors and switches).</summary>
public sealed class GpioInputPin : IInputPin
{
    private readonly GpioController _gpio;
    private readonly int _pin;

    public GpioInputPin(GpioController gpio, int pin, PinMode mode = PinMode.Input)
    {
        (_gpio, _pin) = (gpio, pin);
        _gpio.OpenPin(pin, mode);
        _gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, (_, _) => Changed?.Invoke());
    }

    public event Action? Changed;

    public bool Read() => _gpio.Read(_pin) == PinValue.High;
}

/// <summary>Thread.Sleep, for the firmware's tone patterns.</summary>
public sealed class ThreadDelay : IDelay
{
    public void Sleep(int milliseconds) => Thread.Sleep(milliseconds);
}
