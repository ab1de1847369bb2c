using Vmre.Common.Devices;

namespace Vmre.ModuleServer.Printing;

/// <summary>
/// Stand-in printer: writes the ESC/POS bytes to a device path (a pty or serial node) and
/// cannot read status back. To be replaced by the integrator's SerialReceiptPrinter.
/// </summary>
public sealed class DevicePathPrinter(string path) : IReceiptPrinter
{
    public PrinterCondition Status() => File.Exists(path) ? PrinterCondition.Ready : PrinterCondition.Offline;

    public PrintOutcome Print(byte[] escPos)
    {
        try
        {
            using var device = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            device.Write(escPos);
            device.Flush();
            return PrintOutcome.Done;
        }
        catch (IOException e)
        {
            return new PrintOutcome(false, PrinterCondition.Offline, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return new PrintOutcome(false, PrinterCondition.Offline, e.Message);
        }
    }

    public void Dispose() { }
}
