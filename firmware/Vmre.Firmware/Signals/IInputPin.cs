namespace Vmre.Firmware.Signals
{
    /// <summary>One digital input (sensor, switch), already debounced by the host where needed.</summary>
    public interface IInputPin
    {
        bool Read();
    }
}
