using System.Device.Gpio;
using Iot.Device.Button;
using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;

namespace Vmre.Devices.GpioSignals;

/// <summary>
/// The physical confirm button (as on the urna 7.0): debounced by Iot.Device.Bindings' GpioButton,
/// its meaning decided by the firmware's <see cref="ConfirmButton"/> (confirm while reviewing, accept
/// the testigo while verifying; a press held over from the previous screen does not count).
/// </summary>
public sealed class ConfirmButtonInput : IDisposable
{
    private readonly GpioButton _button;
    private readonly ConfirmButton _meaning = new();
    private readonly object _gate = new();

    public ConfirmButtonInput(GpioController gpio)
    {
        _button = new GpioButton(TerminalPins.ConfirmButton, isPullUp: true, hasExternalResistor: false, gpio: gpio,
            shouldDispose: false, debounceTime: TimeSpan.FromMilliseconds(30));
        _button.IsDoublePressEnabled = false;
        _button.IsHoldingEnabled = false;
        _button.ButtonUp += (_, _) => { lock (_gate) _meaning.Released(); };
        _button.ButtonDown += (_, _) =>
        {
            SessionEvent evt;
            bool counted;
            lock (_gate) counted = _meaning.Pressed(out evt);
            if (counted) Pressed?.Invoke(evt);
        };
    }

    /// <summary>A counted press and what it means in the current state.</summary>
    public event Action<SessionEvent>? Pressed;

    /// <summary>The session entered a new state: the next press counts only after a release seen in it.</summary>
    public void StateEntered(SessionState state)
    {
        lock (_gate)
        {
            _meaning.StateEntered(state);
            if (!_button.IsPressed) _meaning.Released();
        }
    }

    public void Dispose() => _button.Dispose();
}
