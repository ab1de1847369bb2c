namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>
/// Incremental ESC/POS tokenizer. Bytes arrive from a serial line in arbitrary chunks, so
/// an incomplete command is kept until the rest arrives; it is never guessed at. Unknown
/// commands are skipped by their documented length so one stray command cannot turn the
/// rest of a ticket into garbage, and no command byte is ever printed as text.
/// </summary>
public sealed class EscPosReader
{
    private const byte Lf = 0x0A, Cr = 0x0D, Dle = 0x10, Esc = 0x1B, Fs = 0x1C, Gs = 0x1D;
    private byte[] _buffer = new byte[256];
    private int _count;

    /// <summary>Bytes held back waiting for the end of a command.</summary>
    public int Pending => _count;

    public void Feed(ReadOnlySpan<byte> bytes, List<EscPosCommand> output)
    {
        Append(bytes);
        int start = 0;
        while (start < _count)
        {
            var window = new ReadOnlySpan<byte>(_buffer, start, _count - start);
            int used = Next(window, output);
            if (used == 0) break; // incomplete: wait for more bytes
            start += used;
        }
        Array.Copy(_buffer, start, _buffer, 0, _count - start);
        _count -= start;
    }

    /// <summary>Forgets a half-received command (ESC @ semantics are the caller's).</summary>
    public void Reset() => _count = 0;

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_count + bytes.Length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + bytes.Length));
        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
    }

    /// <returns>Bytes consumed, or 0 when the command at the start is not complete yet.</returns>
    private static int Next(ReadOnlySpan<byte> b, List<EscPosCommand> output)
    {
        byte first = b[0];
        if (first >= 0x20)
        {
            int end = 1;
            while (end < b.Length && b[end] >= 0x20) end++;
            output.Add(new EscPosCommand(EscPosCommandKind.Text, Data: b[..end].ToArray()));
            return end;
        }
        switch (first)
        {
            case Lf: output.Add(new EscPosCommand(EscPosCommandKind.LineFeed)); return 1;
            case Cr: output.Add(new EscPosCommand(EscPosCommandKind.CarriageReturn)); return 1;
            case Dle: return RealTimeCommands.Read(b, output);
            case Esc: return EscCommands.Read(b, output);
            case Fs: return FsCommands.Read(b, output);
            case Gs: return GsCommands.Read(b, output);
            default:
                output.Add(EscPosCommand.Unknown($"control byte 0x{first:X2}"));
                return 1;
        }
    }
}
