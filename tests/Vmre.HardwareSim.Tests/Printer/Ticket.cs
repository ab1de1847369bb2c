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

    /// <summary>ESC K n, as many as needed: feed the paper back (n &lt;= 255 per command).</summary>
    public Ticket ReverseFeed(int dots)
    {
        for (; dots > 0; dots -= 255) Raw(0x1B, 0x4B, (byte)Math.Min(255, dots));
        return this;
    }

    /// <summary>
    /// A solid black band of <paramref name="lines"/> x 24 dot rows: reverse video (GS B 1), line
    /// spacing = font A height (ESC 3 24), full lines of spaces; GS B 0 and ESC 2 after (issue 9 §2).
    /// </summary>
    public Ticket Band(int lines, int columns = 48)
    {
        Raw(0x1D, 0x42, 1).Raw(0x1B, 0x33, 24);
        for (int i = 0; i < lines; i++) Line(new string(' ', columns));
        return Raw(0x1D, 0x42, 0).Raw(0x1B, 0x32);
    }

    /// <summary>GS h/w/H then GS k 73: a Code128 in code set B.</summary>
    public Ticket Code128(string text, byte moduleWidth = 1, byte height = 80) =>
        Raw(0x1D, 0x68, height).Raw(0x1D, 0x77, moduleWidth).Raw(0x1D, 0x48, 2)
            .Raw([0x1D, 0x6B, 73, (byte)(text.Length + 2), (byte)'{', (byte)'B', .. Encoding.ASCII.GetBytes(text)]);

    private static bool CodePage858Encoding(string text, out byte[] bytes) =>
        HardwareSim.Printer.CodePage858.TryEncode(text, out bytes);
}
