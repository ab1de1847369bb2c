using Vmre.Terminal.Devices;

namespace Vmre.Terminal.Tests.Support;

public sealed class RecordingLights : IStatusLights
{
    private readonly List<TerminalLight> _shown = [];

    public IReadOnlyList<TerminalLight> Shown { get { lock (_shown) return _shown.ToArray(); } }
    public TerminalLight? Last { get { lock (_shown) return _shown.Count == 0 ? null : _shown[^1]; } }

    public void Show(TerminalLight light) { lock (_shown) _shown.Add(light); }
}
