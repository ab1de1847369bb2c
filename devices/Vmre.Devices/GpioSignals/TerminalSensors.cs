using System.Device.Gpio;
using Vmre.Firmware.Signals;

namespace Vmre.Devices.GpioSignals;

/// <summary>
/// The printer mechanism's paper-low and paper-out sensors and the cover/tamper switch, read
/// through the firmware's semantics on every edge. The printer's own status is asked too before
/// and during each ticket; the sensors also catch what happens between tickets.
/// </summary>
public sealed class TerminalSensors
{
    private readonly PaperSensors _paper;
    private readonly CoverSwitch _cover;

    public TerminalSensors(GpioController gpio)
    {
        var low = new GpioInputPin(gpio, TerminalPins.PaperLowSensor);
        var @out = new GpioInputPin(gpio, TerminalPins.PaperOutSensor);
        var cover = new GpioInputPin(gpio, TerminalPins.CoverSwitch);
        _paper = new PaperSensors(low, @out);
        _cover = new CoverSwitch(cover);
        low.Changed += () => PaperChanged?.Invoke(_paper.Read());
        @out.Changed += () => PaperChanged?.Invoke(_paper.Read());
        cover.Changed += () => CoverChanged?.Invoke(_cover.IsOpen());
    }

    public event Action<PaperLevel>? PaperChanged;
    public event Action<bool>? CoverChanged;

    public PaperLevel Paper => _paper.Read();
    public bool CoverOpen => _cover.IsOpen();
}
