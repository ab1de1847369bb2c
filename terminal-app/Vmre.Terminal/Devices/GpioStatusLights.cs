using System.Device.Gpio;

namespace Vmre.Terminal.Devices;

/// <summary>
/// Status lights on GPIO output pins, through System.Device.Gpio: a real board's driver, or
/// the hardware simulator's driver; the code above is the same.
/// </summary>
public sealed class GpioStatusLights : IStatusLights, IDisposable
{
    public const int ReadyPin = 17, BusyPin = 27, FaultPin = 22;
    private readonly GpioController _gpio;
    private readonly Action<TerminalLight> _onChange;

    public GpioStatusLights(GpioController gpio, Action<TerminalLight> onChange)
    {
        _gpio = gpio;
        _onChange = onChange;
        foreach (var pin in new[] { ReadyPin, BusyPin, FaultPin }) _gpio.OpenPin(pin, PinMode.Output, PinValue.Low);
    }

    public void Show(TerminalLight light)
    {
        _gpio.Write(ReadyPin, light == TerminalLight.Ready ? PinValue.High : PinValue.Low);
        _gpio.Write(BusyPin, light == TerminalLight.Busy ? PinValue.High : PinValue.Low);
        _gpio.Write(FaultPin, light == TerminalLight.Fault ? PinValue.High : PinValue.Low);
        _onChange(light);
    }

    public void Dispose() => _gpio.Dispose();
}
