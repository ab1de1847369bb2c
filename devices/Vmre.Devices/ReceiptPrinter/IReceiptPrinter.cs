namespace Vmre.Devices.ReceiptPrinter;

/// <summary>
/// A thermal receipt printer speaking ESC/POS (terminal testigos, zero reports, closing
/// records; the module server's acta). Real: a serial port; simulated: the hardware-sim
/// printer emulator on a pseudo-terminal. Same code above both (brief section 4).
/// </summary>
public interface IReceiptPrinter : IDisposable
{
    /// <summary>Ask the printer (DLE EOT real-time status) whether it can print now.</summary>
    PrinterCondition Status();

    /// <summary>
    /// Print a whole ticket. Printed is true only when the printer acknowledged that it processed
    /// the whole ticket (ESC/POS GS ( H process ID response after the cut).
    /// </summary>
    PrintOutcome Print(byte[] escPos);
}

/// <summary>
/// What the printer's real-time status says. Jammed: an autocutter or mechanism error (DLE EOT 3),
/// which a jam at the cutter raises; it needs hands on the printer, not just waiting.
/// </summary>
public enum PrinterCondition { Ready, PaperOut, CoverOpen, Offline, NoReply, Jammed }

/// <param name="Printed">The printer acknowledged the whole ticket.</param>
/// <param name="PaperMayHaveLeft">
/// Some of the ticket was sent before the failure, so part of it may be on paper (a torn testigo):
/// a voiding notice must follow it (issue 3: a partial testigo is followed by a printed notice).
/// False when the printer refused before the first byte.
/// </param>
public sealed record PrintOutcome(bool Printed, PrinterCondition Condition, string? Reason, bool PaperMayHaveLeft = false)
{
    public static PrintOutcome Done => new(true, PrinterCondition.Ready, null, true);
}
