namespace Vmre.Firmware.Signals
{
    /// <summary>Blocking wait, so tone patterns play the same on hosts and on nano (no async there).</summary>
    public interface IDelay
    {
        void Sleep(int milliseconds);
    }
}
