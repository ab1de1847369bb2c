namespace Vmre.Firmware.Signals
{
    /// <summary>
    /// The terminal board's GPIO wiring (BCM numbers), one table for the terminal that drives
    /// the pins and the simulator that stands in for the board's switches and sensors. Button
    /// active low with pull-up; sensors active high (high = paper low / paper out / cover open).
    /// </summary>
    public static class TerminalPins
    {
        public const int ReadyLed = 17, BusyLed = 27, FaultLed = 22, Buzzer = 13;
        public const int ConfirmButton = 5, PaperLowSensor = 6, PaperOutSensor = 19, CoverSwitch = 26;
    }
}
