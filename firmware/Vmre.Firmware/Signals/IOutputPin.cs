namespace Vmre.Firmware.Signals
{
    /// <summary>
    /// One digital output (LED, buzzer). The host implements it over System.Device.Gpio or the
    /// simulator's GPIO driver; nanoFramework's GPIO package is not served here, so the
    /// firmware defines the small surface it needs.
    /// </summary>
    public interface IOutputPin
    {
        void Write(bool high);
    }
}
