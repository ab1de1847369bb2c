using Vmre.Devices.ReceiptPrinter;

namespace Vmre.Terminal.Session;

/// <summary>
/// A printer whose port fails (unplugged USB-serial adapter, write timeout) is a print failure
/// like paper out: the session must reach its fault state and the testigo row be voided, not
/// be left stuck in 'printing' by an exception.
/// </summary>
public static class PrinterCalls
{
    public static PrintOutcome TryPrint(IReceiptPrinter printer, byte[] escPos)
    {
        try
        {
            return printer.Print(escPos);
        }
        catch (Exception e) when (IsPortFailure(e))
        {
            return new PrintOutcome(false, PrinterCondition.NoReply, "printer port failed: " + e.Message);
        }
    }

    /// <summary>The exceptions a failed printer port throws (as opposed to a bug in the caller).</summary>
    public static bool IsPortFailure(Exception e) =>
        e is IOException or TimeoutException or InvalidOperationException or UnauthorizedAccessException;
}
