namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>
/// Incremental ESC/POS tokenizer. Bytes arrive from a serial line in arbitrary chunks, so
/// an incomplete command is kept until the rest arrives; it is never guessed at. Unknown
/// commands are skipped by their documented length so one stray command cannot turn the
/// rest of a ticket into garbage.
/// </summary>
public sealed class EscPosReader
{
    private const byte Lf = 0x0A, Cr = 0x0D, Dle = 0x10, Esc = 0x1B, Gs = 0x1D;
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
            case Dle: return RealTime(b, output);
            case Esc: return EscCommand(b, output);
            case Gs: return GsCommand(b, output);
            default:
                output.Add(EscPosCommand.Unknown($"control byte 0x{first:X2}"));
                return 1;
        }
    }

    private static int RealTime(ReadOnlySpan<byte> b, List<EscPosCommand> output)
    {
        if (b.Length < 2) return 0;
        if (b[1] == 0x04)
        {
            if (b.Length < 3) return 0;
            int n = b[2];
            if (n is >= 1 and <= 4)
            {
                output.Add(new EscPosCommand(EscPosCommandKind.StatusRequest, n));
                return 3;
            }
            // DLE EOT 7/8/18 carry one more byte (ink, peeler, interface status).
            int length = n is 7 or 8 or 18 ? 4 : 3;
            if (b.Length < length) return 0;
            output.Add(EscPosCommand.Unknown($"DLE EOT {n}"));
            return length;
        }
        int skip = b[1] switch { 0x05 => 3, 0x14 => 5, _ => 1 };
        if (b.Length < skip) return 0;
        output.Add(EscPosCommand.Unknown($"DLE 0x{b[1]:X2}"));
        return skip;
    }

    private static int EscCommand(ReadOnlySpan<byte> b, List<EscPosCommand> output)
    {
        if (b.Length < 2) return 0;
        byte c = b[1];
        EscPosCommandKind? kind = c switch
        {
            (byte)'@' => EscPosCommandKind.Initialize,
            (byte)'t' => EscPosCommandKind.SelectCodePage,
            (byte)'a' => EscPosCommandKind.Align,
            (byte)'E' => EscPosCommandKind.Bold,
            (byte)'-' => EscPosCommandKind.Underline,
            (byte)'!' => EscPosCommandKind.PrintMode,
            (byte)'d' => EscPosCommandKind.FeedLines,
            _ => null,
        };
        if (kind == EscPosCommandKind.Initialize)
        {
            output.Add(new EscPosCommand(EscPosCommandKind.Initialize));
            return 2;
        }
        if (kind is { } known)
        {
            if (b.Length < 3) return 0;
            output.Add(new EscPosCommand(known, b[2]));
            return 3;
        }
        int length = UnknownCommandLength.OfEsc(b);
        if (length == 0) return 0;
        output.Add(EscPosCommand.Unknown($"ESC 0x{c:X2} ({length} bytes)"));
        return length;
    }

    private static int GsCommand(ReadOnlySpan<byte> b, List<EscPosCommand> output)
    {
        if (b.Length < 2) return 0;
        switch (b[1])
        {
            case (byte)'!':
                if (b.Length < 3) return 0;
                output.Add(new EscPosCommand(EscPosCommandKind.CharacterSize, b[2]));
                return 3;
            case (byte)'V':
                return Cut(b, output);
            case (byte)'(':
                if (b.Length < 5) return 0;
                int total = 5 + b[3] + (b[4] << 8);
                if (b.Length < total) return 0;
                output.Add(b[2] switch
                {
                    (byte)'k' => QrFunction.Decode(b[5..total]),
                    (byte)'H' => ProcessIdFunction.Decode(b[5..total]),
                    _ => EscPosCommand.Unknown($"GS ( 0x{b[2]:X2} ({total} bytes)"),
                });
                return total;
        }
        int length = UnknownCommandLength.OfGs(b);
        if (length == 0) return 0;
        output.Add(EscPosCommand.Unknown($"GS 0x{b[1]:X2} ({length} bytes)"));
        return length;
    }

    private static int Cut(ReadOnlySpan<byte> b, List<EscPosCommand> output)
    {
        if (b.Length < 3) return 0;
        byte m = b[2];
        if (m is 0 or 1 or 48 or 49)
        {
            output.Add(new EscPosCommand(EscPosCommandKind.Cut));
            return 3;
        }
        if (m is 65 or 66 or 97 or 98 or 103 or 104)
        {
            if (b.Length < 4) return 0;
            output.Add(new EscPosCommand(EscPosCommandKind.Cut, b[3]));
            return 4;
        }
        output.Add(EscPosCommand.Unknown($"GS V {m}"));
        return 3;
    }
}
