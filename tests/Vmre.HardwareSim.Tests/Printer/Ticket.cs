using System.Text;
using Vmre.HardwareSim.Printer;

namespace Vmre.HardwareSim.Tests.Printer;

/// <summary>Builds ESC/POS byte streams for the tests, the way a terminal's driver would.</summary>
internal sealed class Ticket
{
    private readonly List<byte> _bytes = new();

    public byte[] Bytes => _bytes.ToArray();

    public Ticket Raw(params byte[] bytes) { _bytes.AddRange(bytes); return this; }
    public Ticket Init() => Raw(0x1B, 0x40);
    public Ticket CodePage858() => Raw(0x1B, 0x74, 19);
    public Ticket Align(int n) => Raw(0x1B, 0x61, (byte)n);
    public Ticket Bold(bool on) => Raw(0x1B, 0x45, (byte)(on ? 1 : 0));
    public Ticket Size(int width, int height) => Raw(0x1D, 0x21, (byte)(((width - 1) << 4) | (height - 1)));
    public Ticket Feed(int lines) => Raw(0x1B, 0x64, (byte)lines);
    public Ticket Cut() => Raw(0x1D, 0x56, 0x41, 3);

    /// <summary>GS ( H fn 48: ask for the process ID response once everything before it is printed.</summary>
    public Ticket ProcessId(string digits) => Raw([0x1D, 0x28, 0x48, 6, 0, 0x30, 0x30, .. Encoding.ASCII.GetBytes(digits)]);

    public Ticket Line(string text)
    {
        Assert.True(CodePage858Encoding(text, out var encoded), $"not encodable in CP858: {text}");
        _bytes.AddRange(encoded);
        return Raw(0x0A);
    }

    public Ticket Qr(string payload, byte level = 49, byte moduleSize = 4)
    {
        Raw(0x1D, 0x28, 0x6B, 4, 0, 0x31, 0x41, 50, 0);          // model 2
        Raw(0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x43, moduleSize);     // module size
        Raw(0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x45, level);          // error correction
        var data = Encoding.UTF8.GetBytes(payload);
        int length = data.Length + 3;
        Raw(0x1D, 0x28, 0x6B, (byte)(length & 0xFF), (byte)(length >> 8), 0x31, 0x50, 0x30);
        _bytes.AddRange(data);
        return Raw(0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30); // print
    }

    private static bool CodePage858Encoding(string text, out byte[] bytes) =>
        HardwareSim.Printer.CodePage858.TryEncode(text, out bytes);
}
