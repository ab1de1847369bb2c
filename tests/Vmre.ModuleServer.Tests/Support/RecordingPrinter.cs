using Vmre.Devices.ReceiptPrinter;

namespace Vmre.ModuleServer.Tests.Support;

/// <summary>A printer that keeps what it was sent (a unit test of the code above the device).</summary>
public sealed class RecordingPrinter : IReceiptPrinter
{
    public List<byte[]> Tickets { get; } = [];

    public PrinterCondition Status() => PrinterCondition.Ready;

    public PrintOutcome Print(byte[] escPos)
    {
        lock (Tickets) Tickets.Add(escPos);
        return PrintOutcome.Done;
    }

    public void Dispose() { }
}
