namespace Vmre.HardwareSim.Nfc;

/// <summary>
/// Splits the host's byte stream into PN532 frames (manual §6.2.1). Bytes between frames are
/// skipped (preambles, the HSU wake-up's long zero run); a 0x55 among them is reported as a
/// wake-up. A frame whose length checksum is wrong is dropped and the search resumes just
/// after its start code, so one corrupted byte cannot swallow the next frame.
/// </summary>
public sealed class Pn532FrameReader
{
    private readonly List<byte> _pending = [];

    /// <summary>Bytes held for a frame not yet complete.</summary>
    public int Pending => _pending.Count;

    public void Reset() => _pending.Clear();

    public void Feed(ReadOnlySpan<byte> bytes, List<Pn532Received> output)
    {
        foreach (byte b in bytes) _pending.Add(b);
        while (Next(output)) { }
    }

    private bool Next(List<Pn532Received> output)
    {
        int start = FindStartCode();
        int skipped = start < 0 ? Math.Max(0, _pending.Count - 1) : start;
        if (_pending.Take(skipped).Contains(Pn532Frames.WakeUpByte)) output.Add(new(Pn532ReceivedKind.WakeUp, []));
        _pending.RemoveRange(0, skipped);
        if (start < 0 || _pending.Count < 4) return false;

        byte len = _pending[2], lcs = _pending[3];
        if (len == 0x00 && lcs == 0xFF) return Consume(4, Pn532ReceivedKind.Ack, output);
        if (len == 0xFF && lcs == 0x00) return Consume(4, Pn532ReceivedKind.Nack, output);

        int header = 4, length = len;
        if (len == 0xFF && lcs == 0xFF)
        {
            // Extended frame: 00 FF FF FF LENM LENL LCS (manual §6.2.1.2).
            if (_pending.Count < 7) return false;
            header = 7;
            length = (_pending[4] << 8) | _pending[5];
            if ((byte)(_pending[4] + _pending[5] + _pending[6]) != 0) return Consume(2, Pn532ReceivedKind.BadLengthChecksum, output);
        }
        else if ((byte)(len + lcs) != 0) return Consume(2, Pn532ReceivedKind.BadLengthChecksum, output);

        if (_pending.Count < header + length + 1) return false;
        var body = _pending.GetRange(header, length).ToArray();
        byte sum = _pending[header + length];
        foreach (byte b in body) sum += b;
        _pending.RemoveRange(0, header + length + 1);
        output.Add(new(sum == 0 ? Pn532ReceivedKind.Information : Pn532ReceivedKind.BadDataChecksum, sum == 0 ? body : []));
        return true;
    }

    private bool Consume(int count, Pn532ReceivedKind kind, List<Pn532Received> output)
    {
        _pending.RemoveRange(0, count);
        output.Add(new(kind, []));
        return true;
    }

    private int FindStartCode()
    {
        for (int i = 0; i + 1 < _pending.Count; i++)
            if (_pending[i] == 0x00 && _pending[i + 1] == 0xFF) return i;
        return -1;
    }
}
