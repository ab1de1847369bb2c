using System.Device.Gpio;
using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;

namespace Vmre.Devices.GpioSignals;

/// <summary>
/// Status lights on GPIO output pins, lit by the firmware's <see cref="StatusLights"/> rule: a real
/// board's driver or the hardware simulator's; the code above is the same.
/// </summary>
public sealed class GpioStatusLights(GpioController gpio, Action<LightSet> onChange) : IStatusLights
{
    private readonly StatusLights _lights = new(
        new GpioOutputPin(gpio, TerminalPins.ReadyLed), new GpioOutputPin(gpio, TerminalPins.BusyLed), new GpioOutputPin(gpio, TerminalPins.FaultLed));
    private LightSet? _last;

    public void Show(SessionState state, PaperLevel paper)
    {
        _lights.Show(state, paper);
        var now = StatusLights.LightsFor(state, paper);
        if (now.Equals(_last)) return; // LightSet is a value: only a change is logged
        _last = now;
        onChange(now);
    }
}
