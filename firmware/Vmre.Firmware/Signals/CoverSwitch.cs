namespace Vmre.Firmware.Signals
{
    /// <summary>
    /// The printer cover / enclosure switch. Active-high: a high pin means open. Opening it
    /// during a session interrupts the session (SessionEvent.CoverOpened): a testigo in view
    /// may have been tampered with.
    /// </summary>
    public sealed class CoverSwitch
    {
        private readonly IInputPin _pin;

        public CoverSwitch(IInputPin pin)
        {
            if (pin == null) throw new System.ArgumentNullException("pin");
            _pin = pin;
        }

        public bool IsOpen()
        {
            return _pin.Read();
        }
    }
}
