namespace Vmre.Common.Devices;

/// <summary>
/// A thermal receipt printer speaking ESC/POS (terminal testigos, zero reports, closing
/// records; the module server's acta). Real: a serial port; simulated: the hardware-sim
/// printer emulator on a pseudo-terminal. Same code above both (brief section 4).
/// </summary>
public interface IReceiptPrinter : IDisposable
{
    /// <summary>Ask the printer (DLE EOT real-time status) whether it can print now.</summary>
    PrinterCondition Status();

    /// <summary>Print a whole ticket; says whether the printer was ready before and after.</summary>
    PrintOutcome Print(byte[] escPos);
}

public enum PrinterCondition { Ready, PaperOut, CoverOpen, Offline, NoReply }

public sealed record PrintOutcome(bool Printed, PrinterCondition Condition, string? Reason)
{
    public static PrintOutcome Done => new(true, PrinterCondition.Ready, null);
}
