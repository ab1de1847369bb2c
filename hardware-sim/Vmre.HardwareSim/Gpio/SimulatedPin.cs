using System.Device.Gpio;

namespace Vmre.HardwareSim.Gpio;

/// <summary>The state of one simulated pin; guarded by the driver's lock.</summary>
internal sealed class SimulatedPin
{
    public bool IsOpen { get; set; }
    public PinMode Mode { get; set; } = PinMode.Input;
    public PinValue Value { get; set; } = PinValue.Low;
    /// <summary>Once the outside world drives the pin, its pull resistor no longer decides the level.</summary>
    public bool Driven { get; set; }
    public List<(PinEventTypes Events, PinChangeEventHandler Handler)> Callbacks { get; } = new();
}
