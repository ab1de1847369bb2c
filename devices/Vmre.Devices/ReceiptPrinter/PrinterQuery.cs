using System.IO.Ports;
using Vmre.Firmware.Printing;

namespace Vmre.Devices.ReceiptPrinter;

/// <summary>DLE EOT 1–4 real-time status, asked one byte at a time and decoded by the firmware.</summary>
internal static class PrinterQuery
{
    /// <summary>
    /// The printer's condition now. With <paramref name="replies"/> (a ticket is printing), nothing
    /// is discarded and every byte goes through it, so an acknowledgement arriving in between
    /// status replies is kept.
    /// </summary>
    public static PrinterCondition Condition(SerialPort port, PrinterReplies? replies = null)
    {
        try
        {
            if (replies is null) port.DiscardInBuffer();
            var printer = Ask(port, RealTimeStatusRequest.PrinterStatus(), replies);
            var offline = Ask(port, RealTimeStatusRequest.OfflineCause(), replies);
            var error = Ask(port, RealTimeStatusRequest.ErrorCause(), replies);
            var paper = Ask(port, RealTimeStatusRequest.PaperSensor(), replies);
            var decoded = PrinterStatusDecoder.Decode(printer, offline, error, paper);
            if (!decoded.Ok) return PrinterCondition.NoReply;
            var s = decoded.Status;
            if (s.ReadyToPrint) return PrinterCondition.Ready;
            if (s.PaperOut) return PrinterCondition.PaperOut;
            if (s.CoverOpen) return PrinterCondition.CoverOpen;
            if (s.AutocutterError || s.UnrecoverableError || s.Error) return PrinterCondition.Jammed;
            return PrinterCondition.Offline;
        }
        catch (TimeoutException)
        {
            return PrinterCondition.NoReply;
        }
        // A port that failed (adapter unplugged: IOException; closed: InvalidOperationException)
        // is a printer that does not answer.
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return PrinterCondition.NoReply;
        }
    }

    private static byte Ask(SerialPort port, byte[] request, PrinterReplies? replies)
    {
        port.BaseStream.Write(request);
        port.BaseStream.Flush();
        while (true)
        {
            var reply = port.ReadByte();
            if (reply < 0) throw new TimeoutException();
            if (replies is null) return (byte)reply;
            if (replies.Take((byte)reply) is { } status) return status;
        }
    }
}
