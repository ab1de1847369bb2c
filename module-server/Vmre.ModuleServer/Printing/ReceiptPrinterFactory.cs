using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Printing;

/// <summary>
/// The acta printer from --printer: a serial ESC/POS printer, real or the simulator's on a
/// pseudo-terminal (brief section 4: one code path). No path means no printer; a path that
/// cannot be opened is a start-up refusal, so a misconfigured module is noticed before the
/// polls open rather than at closing.
/// </summary>
public static class ReceiptPrinterFactory
{
    public static Parsed<IReceiptPrinter?> Open(string? devicePath)
    {
        if (devicePath is null) return Parsed<IReceiptPrinter?>.Ok(null);
        try
        {
            return Parsed<IReceiptPrinter?>.Ok(new SerialReceiptPrinter(devicePath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return Parsed<IReceiptPrinter?>.Fail($"printer {devicePath} cannot be opened: {e.Message}");
        }
    }
}
