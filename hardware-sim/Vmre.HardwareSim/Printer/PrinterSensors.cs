namespace Vmre.HardwareSim.Printer;

/// <summary>
/// What the printer's sensors and switches say at one moment, for the simulator to mirror on
/// the terminal's GPIO sensor pins (paper-low 6, paper-out 19, cover 26; see the README).
/// </summary>
public readonly record struct PrinterSensors(bool PaperNearEnd, bool PaperOut, bool CoverOpen, bool Jammed, bool Offline);
