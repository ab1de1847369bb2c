using System.IO.Ports;
using Vmre.Firmware.Printing;

namespace Vmre.Common.Devices;

/// <summary>
/// An ESC/POS printer on a serial port: a real thermal printer, or the hardware simulator's
/// emulator on a pseudo-terminal — the same bytes either way. Before and after each ticket it
/// asks the printer's real-time status (DLE EOT 1–4), so a ticket is called printed only when
/// the printer was ready before and is still fine after (no paper out, cover open, error).
/// </summary>
public sealed class SerialReceiptPrinter : IReceiptPrinter
{
    private readonly SerialPort _port;
    private readonly object _gate = new();

    public SerialReceiptPrinter(string portPath)
    {
        _port = new SerialPort(portPath, 115200) { ReadTimeout = 3000, WriteTimeout = 5000 };
        _port.Open();
        _port.DiscardInBuffer();
    }

    public PrinterCondition Status()
    {
        lock (_gate) return Query();
    }

    public PrintOutcome Print(byte[] escPos)
    {
        lock (_gate)
        {
            var before = Query();
            if (before != PrinterCondition.Ready) return new PrintOutcome(false, before, $"printer not ready: {before}");
            _port.BaseStream.Write(escPos);
            _port.BaseStream.Flush();
            var after = Query();
            return after == PrinterCondition.Ready
                ? PrintOutcome.Done
                : new PrintOutcome(false, after, $"printer reported {after} after the ticket was sent");
        }
    }

    private PrinterCondition Query()
    {
        try
        {
            _port.DiscardInBuffer();
            var printer = Ask(RealTimeStatusRequest.PrinterStatus());
            var offline = Ask(RealTimeStatusRequest.OfflineCause());
            var error = Ask(RealTimeStatusRequest.ErrorCause());
            var paper = Ask(RealTimeStatusRequest.PaperSensor());
            var decoded = PrinterStatusDecoder.Decode(printer, offline, error, paper);
            if (!decoded.Ok) return PrinterCondition.NoReply;
            var s = decoded.Status;
            if (s.ReadyToPrint) return PrinterCondition.Ready;
            if (s.PaperOut) return PrinterCondition.PaperOut;
            if (s.CoverOpen) return PrinterCondition.CoverOpen;
            return PrinterCondition.Offline;
        }
        catch (TimeoutException)
        {
            return PrinterCondition.NoReply;
        }
        // Review finding: a port that failed (adapter unplugged: IOException; closed:
        // InvalidOperationException) threw out of Status(); it is a printer that does not answer.
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return PrinterCondition.NoReply;
        }
    }

    private byte Ask(byte[] request)
    {
        _port.BaseStream.Write(request);
        _port.BaseStream.Flush();
        var reply = _port.ReadByte();
        if (reply < 0) throw new TimeoutException();
        return (byte)reply;
    }

    public void Dispose() => _port.Dispose();
}
