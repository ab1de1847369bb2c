namespace Vmre.Terminal.Devices;

/// <summary>
/// The terminal board's GPIO wiring (BCM numbers; the simulator uses the same, see
/// hardware-sim/README.md). Button active low with pull-up; sensors active high
/// (high = paper low / paper out / cover open).
/// </summary>
public static class TerminalPins
{
    public const int ReadyLed = 17, BusyLed = 27, FaultLed = 22, Buzzer = 13;
    public const int ConfirmButton = 5, PaperLowSensor = 6, PaperOutSensor = 19, CoverSwitch = 26;
}
