using Vmre.Common.Devices;

namespace Vmre.ModuleServer.Printing;

/// <summary>
/// The acta printer from --printer. The serial implementation (SerialReceiptPrinter, with
/// DLE EOT status) is being written by the integrator; until it lands, the device path is
/// written raw, which is what the simulator's pseudo-terminal printer reads.
/// </summary>
public static class ReceiptPrinterFactory
{
    public static IReceiptPrinter? Open(string? devicePath) =>
        devicePath is null ? null : new DevicePathPrinter(devicePath);
}
