namespace Vmre.HardwareSim.Printer;

/// <summary>Something the emulated printer wants the simulator's log to know.</summary>
public sealed record PrinterNotice(PrinterNoticeKind Kind, string Detail);
