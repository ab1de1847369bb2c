using System.Collections.Concurrent;
using System.Text;
using Vmre.Devices.ReceiptPrinter;
using Vmre.HardwareSim.Printer;
using PrinterCondition = Vmre.Devices.ReceiptPrinter.PrinterCondition;

namespace Vmre.Devices.Tests.ReceiptPrinter;

/// <summary>
/// The receipt printer binding against the printer emulator on a pseudo-terminal: real
/// ESC/POS bytes, DLE EOT status and the GS ( H acknowledgement (ReceiptPrinter/README.md).
/// </summary>
public sealed class SerialReceiptPrinterTests : IDisposable
{
    private readonly BlockingCollection<PrintedPaper> _tray = new();
    private readonly PrinterEmulator _emulator;
    private readonly SerialReceiptPrinter _printer;

    public SerialReceiptPrinterTests()
    {
        _emulator = new PrinterEmulator(_tray.Add);
        _printer = new SerialReceiptPrinter(_emulator.SlavePath, TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        _printer.Dispose();
        _emulator.Dispose();
        _tray.Dispose();
    }

    /// <summary>ESC @, a line, feed, full cut: the smallest whole ticket.</summary>
    private static byte[] Ticket(string line) =>
        [0x1B, 0x40, .. Encoding.ASCII.GetBytes(line), 0x0A, 0x1B, 0x64, 0x03, 0x1D, 0x56, 0x00];

    [Fact]
    public void A_ready_printer_prints_a_ticket_and_acknowledges_it()
    {
        Assert.Equal(PrinterCondition.Ready, _printer.Status());

        var outcome = _printer.Print(Ticket("PRUEBA"));

        Assert.True(outcome.Printed, outcome.Reason);
        Assert.True(_tray.TryTake(out _, TimeSpan.FromSeconds(10)), "no paper came out");
    }

    [Fact]
    public void Paper_out_is_reported_and_refuses_the_ticket_before_any_byte()
    {
        _emulator.PaperOut();

        Assert.Equal(PrinterCondition.PaperOut, _printer.Status());
        var outcome = _printer.Print(Ticket("PRUEBA"));

        Assert.False(outcome.Printed);
        Assert.Equal(PrinterCondition.PaperOut, outcome.Condition);
        Assert.False(outcome.PaperMayHaveLeft);
    }

    [Fact]
    public void An_open_cover_is_reported()
    {
        _emulator.OpenCover();

        Assert.Equal(PrinterCondition.CoverOpen, _printer.Status());
    }
}
