using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;
using Vmre.Devices.GpioSignals;

namespace Vmre.Terminal.Tests.Support;

/// <summary>Records what the booth asked the lights to show, as the firmware's rule lights them.</summary>
public sealed class RecordingLights : IStatusLights
{
    private readonly List<LightSet> _shown = [];

    public IReadOnlyList<LightSet> Shown { get { lock (_shown) return _shown.ToArray(); } }
    public LightSet? Last { get { lock (_shown) return _shown.Count == 0 ? null : _shown[^1]; } }

    public void Show(SessionState state, PaperLevel paper) { lock (_shown) _shown.Add(StatusLights.LightsFor(state, paper)); }
}
