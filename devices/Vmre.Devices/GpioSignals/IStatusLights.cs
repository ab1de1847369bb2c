using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;

namespace Vmre.Devices.GpioSignals;

/// <summary>
/// The terminal's status lights (ready / busy / fault), lit by the firmware's rule for a session
/// state and paper level. Always paired with on-screen text: no colour-only meaning (rules.md R9).
/// </summary>
public interface IStatusLights
{
    void Show(SessionState state, PaperLevel paper);
}
