using System.Text;

namespace Vmre.Common.Logging;

/// <summary>
/// Reopening a log after a crash: the last complete line gives the chain head; a torn last
/// line (power cut mid-write) is cut off and the cut is itself logged, so nothing already
/// chained is lost and the chain still verifies.
/// </summary>
internal sealed record EventLogTail(long LastSeq, string LastHash, long TruncatedBytes)
{
    public static EventLogTail Recover(string path)
    {
        if (!File.Exists(path)) return new(0, EventLog.Genesis, 0);
        var bytes = File.ReadAllBytes(path);
        var end = bytes.Length;
        while (end > 0 && bytes[end - 1] != (byte)'\n') end--;
        var truncated = bytes.Length - end;
        if (truncated > 0)
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Write);
            f.SetLength(end);
            f.Flush(true);
        }
        var text = Encoding.UTF8.GetString(bytes, 0, end);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return new(0, EventLog.Genesis, truncated);
        var verified = EventLogVerifier.VerifyLines(lines);
        if (!verified.IsOk) throw new InvalidDataException($"event log {path} fails verification: {verified.Error}");
        return new(verified.Value!.Count, verified.Value.Head, truncated);
    }
}
