using System.Device.Gpio;
using Iot.Device.Button;
using Vmre.Firmware.Signals;

namespace Vmre.Devices.GpioSignals;

/// <summary>
/// The physical confirm button (as on the urna 7.0), debounced by Iot.Device.Bindings' GpioButton.
/// It reports edges only; what a press means (confirm while reviewing, accept while verifying, and
/// nothing for a press held over from the previous screen) is decided by the firmware's
/// <c>ConfirmButton</c> in the booth's own step, under the same lock as the state change. Deciding
/// it here, on the driver's thread, raced the booth: a press made as soon as the screen showed
/// "verify your testigo" could be judged against the previous state and lost (found by CI on a
/// loaded machine; rules.md R9, a voter's press is never dropped).
/// </summary>
public sealed class ConfirmButtonInput : IDisposable
{
    private readonly GpioButton _button;

    public ConfirmButtonInput(GpioController gpio)
    {
        _button = new GpioButton(TerminalPins.ConfirmButton, isPullUp: true, hasExternalResistor: false, gpio: gpio,
            shouldDispose: false, debounceTime: TimeSpan.FromMilliseconds(30));
        _button.IsDoublePressEnabled = false;
        _button.IsHoldingEnabled = false;
        _button.ButtonDown += (_, _) => Down?.Invoke(true);
        _button.ButtonUp += (_, _) => Up?.Invoke(false);
    }

    /// <summary>The button went down (debounced). The argument is always true: pressed.</summary>
    public event Action<bool>? Down;
    /// <summary>The button came back up (debounced). The argument is always false: released.</summary>
    public event Action<bool>? Up;

    /// <summary>Whether the button is held now (read once at start).</summary>
    public bool IsPressed => _button.IsPressed;

    public void Dispose() => _button.Dispose();
}
