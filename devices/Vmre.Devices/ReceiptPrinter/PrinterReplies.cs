using Vmre.Firmware.Printing;

namespace Vmre.Devices.ReceiptPrinter;

/// <summary>
/// Sorts the bytes a printer sends back while a ticket prints: one-byte DLE EOT status replies
/// (bit 0 and 7 clear, bits 1 and 4 set) and the 7-byte process ID response that starts with
/// 0x37, which can never be a status byte. Once 0x37 is seen, the next six bytes belong to the
/// response, whatever they look like (its digits '2' and '6' would pass for status bytes).
/// </summary>
internal sealed class PrinterReplies(string expectedId)
{
    private readonly byte[] _reply = new byte[ProcessIdReply.Length];
    private int _filled;

    public bool Acknowledged { get; private set; }

    /// <summary>Takes one byte; returns it when it is a status reply, null otherwise.</summary>
    public byte? Take(byte b)
    {
        if (_filled > 0 || b == 0x37)
        {
            _reply[_filled++] = b;
            if (_filled == _reply.Length)
            {
                if (ProcessIdReply.TryParse(_reply, 0, _filled, out var id) && id == expectedId) Acknowledged = true;
                _filled = 0;
            }
            return null;
        }
        return (b & 0x93) == 0x12 ? b : null;
    }
}
