using System.Diagnostics;
using System.IO.Ports;
using System.Security.Cryptography;
using Vmre.Firmware.Printing;

namespace Vmre.Devices.ReceiptPrinter;

/// <summary>
/// An ESC/POS printer on a serial port: a real thermal printer, or the hardware simulator's
/// emulator on a pseudo-terminal — the same bytes either way.
/// A ticket counts as printed only when the printer acknowledges it: each ticket ends with a
/// GS ( H process ID request, which the printer answers only after it has processed everything
/// before it, cut included. DLE EOT real-time status cannot say that (it is answered ahead of
/// buffered data); it is used before the ticket (is the printer ready?) and while waiting for the
/// acknowledgement, to fail fast on a jam, an open cover or paper out (rules.md R1: a testigo
/// is either whole on paper or voided).
/// </summary>
public sealed class SerialReceiptPrinter : IReceiptPrinter
{
    private static readonly TimeSpan StatusPollEvery = TimeSpan.FromMilliseconds(250);
    // How long one DLE EOT status reply may take; Listen shortens it for its slice and puts it back.
    private const int StatusReplyTimeoutMs = 3000;
    private readonly SerialPort _port;
    private readonly object _gate = new();
    private readonly TimeSpan _ackTimeout;
    // Ids of tickets that were never acknowledged: a late answer to one of them must not pass for
    // the acknowledgement of a later ticket, so they are not drawn again (4-digit ids, 10,000 of them).
    private readonly HashSet<string> _unanswered = [];

    /// <param name="ackTimeout">How long a ticket may take to print before the printer counts as failed.</param>
    public SerialReceiptPrinter(string portPath, TimeSpan? ackTimeout = null)
    {
        _ackTimeout = ackTimeout ?? TimeSpan.FromSeconds(15);
        _port = new SerialPort(portPath, 115200) { ReadTimeout = StatusReplyTimeoutMs, WriteTimeout = 5000 };
        _port.Open();
        _port.DiscardInBuffer();
    }

    public PrinterCondition Status()
    {
        lock (_gate) return PrinterQuery.Condition(_port);
    }

    public PrintOutcome Print(byte[] escPos)
    {
        lock (_gate)
        {
            var before = PrinterQuery.Condition(_port);
            if (before != PrinterCondition.Ready) return new PrintOutcome(false, before, $"printer not ready: {before}");
            string id;
            do id = ProcessIdReply.Format(RandomNumberGenerator.GetInt32(10000));
            while (_unanswered.Contains(id));
            try
            {
                _port.BaseStream.Write(escPos);
                _port.BaseStream.Write(new EscPosWriter().RequestProcessId(id).ToArray());
                _port.BaseStream.Flush();
            }
            catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or UnauthorizedAccessException)
            {
                return new PrintOutcome(false, PrinterCondition.NoReply, "printer port failed: " + e.Message, PaperMayHaveLeft: true);
            }
            var outcome = AwaitAcknowledgement(id);
            if (!outcome.Printed && _unanswered.Add(id) && _unanswered.Count > 5000) _unanswered.Clear(); // never an endless draw
            return outcome;
        }
    }

    private PrintOutcome AwaitAcknowledgement(string id)
    {
        var waited = Stopwatch.StartNew();
        var replies = new PrinterReplies(id);
        while (waited.Elapsed < _ackTimeout)
        {
            if (Listen(replies, StatusPollEvery)) return PrintOutcome.Done;
            // No acknowledgement yet: can the printer still finish? A jam, paper out or an open
            // cover means the rest of the ticket will never come out.
            var now = PrinterQuery.Condition(_port, replies);
            if (replies.Acknowledged) return PrintOutcome.Done;
            if (now is not (PrinterCondition.Ready or PrinterCondition.NoReply))
                return new PrintOutcome(false, now, $"printer reported {now} before finishing the ticket", PaperMayHaveLeft: true);
        }
        return new PrintOutcome(false, PrinterQuery.Condition(_port),
            $"the printer did not confirm the ticket within {_ackTimeout.TotalSeconds:0} s", PaperMayHaveLeft: true);
    }

    /// <summary>Reads what arrives for up to <paramref name="slice"/>; true once our acknowledgement is in.</summary>
    private bool Listen(PrinterReplies replies, TimeSpan slice)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            while (clock.Elapsed < slice && !replies.Acknowledged)
            {
                _port.ReadTimeout = Math.Max(1, (int)(slice - clock.Elapsed).TotalMilliseconds);
                var b = _port.ReadByte();
                if (b < 0) break;
                replies.Take((byte)b);
            }
        }
        catch (TimeoutException) { }
        catch (Exception e) when (e is IOException or InvalidOperationException) { }
        finally { _port.ReadTimeout = StatusReplyTimeoutMs; }
        return replies.Acknowledged;
    }

    public void Dispose() => _port.Dispose();
}
