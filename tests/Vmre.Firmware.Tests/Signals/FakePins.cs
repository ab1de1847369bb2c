using Vmre.Firmware.Signals;

namespace Vmre.Firmware.Tests.Signals;

/// <summary>An output pin that records every write (a mock for the code above the pin).</summary>
public sealed class RecordingPin : IOutputPin
{
    public List<bool> Writes { get; } = new();
    public bool? Level => Writes.Count == 0 ? null : Writes[^1];
    public void Write(bool high) => Writes.Add(high);
}

/// <summary>An input pin whose level the test sets.</summary>
public sealed class SetPin : IInputPin
{
    public bool High { get; set; }
    public bool Read() => High;
}

/// <summary>Records the waits instead of sleeping, in order, with the pin level during each.</summary>
public sealed class RecordingDelay(RecordingPin pin) : IDelay
{
    public List<(bool level, int ms)> Waits { get; } = new();
    public void Sleep(int milliseconds) => Waits.Add((pin.Level ?? false, milliseconds));
}
