using System.Text;
using System.Text.Json;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Common.Time;

namespace Vmre.Common.Logging;

/// <summary>
/// The device's hash-chained, append-only event log (rules.md R7; docs/formats/event-log.md):
/// one JSON object per line, each carrying the hash of the previous one, fsynced before the
/// call returns. Never given selections, testigo ids or voter identities (rules.md R2 and R3).
/// </summary>
/// <remarks>
/// Issue 11 point 2: an append that fails (a full disk, an I/O error) throws and leaves the file
/// as it was: the part of the line already written is cut back to the last complete line, so the
/// next append still chains onto the last good one and nothing already logged is lost. Callers
/// that change state append first and change only when the append returned. The file is 0600 in
/// a 0700 folder (issue 11 point 6).
/// </remarks>
public sealed class EventLog : IDisposable
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private readonly object _gate = new();
    private readonly FileStream _file;
    private readonly ModuleClock _clock;
    private long _seq;
    private string _head;
    // The length of the file up to its last complete line: where the next line starts.
    private long _length;

    public EventLog(string path, string device, ModuleClock clock)
    {
        Path_ = path;
        Device = device;
        _clock = clock;
        Storage.PrivateFiles.Folder(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var tail = EventLogTail.Recover(path);
        _seq = tail.LastSeq;
        _head = tail.LastHash;
        // Unbuffered (buffer size 0), and not FileMode.Append, which forbids cutting the file back.
        _file = new FileStream(path, Storage.PrivateFiles.Create(FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, bufferSize: 0));
        Storage.PrivateFiles.Restrict(path);
        _length = _file.Seek(0, SeekOrigin.End);
        if (tail.TruncatedBytes > 0)
            Append("log-recovered", null, new() { ["truncatedBytes"] = tail.TruncatedBytes.ToString() });
    }

    public string Path_ { get; }
    public string Device { get; }
    public string Head { get { lock (_gate) return _head; } }
    public long Count { get { lock (_gate) return _seq; } }

    /// <summary>Count and head read together, so a concurrent append cannot pair one line's count with another's head.</summary>
    public (long Count, string Head) Snapshot() { lock (_gate) return (_seq, _head); }

    public void Append(string evt, Actor? actor = null, Dictionary<string, string>? data = null)
    {
        lock (_gate)
        {
            var stamp = _clock.Now();
            var entry = new LogEntry(_seq + 1, stamp.UtcText, stamp.LocalText, Device, evt, actor, data, _head);
            var body = JsonSerializer.Serialize(entry, VmreJson.Options);
            var hash = HashOf(_head, body);
            var line = Encoding.UTF8.GetBytes(body[..^1] + ",\"hash\":\"" + hash + "\"}\n");
            try
            {
                // A torn line an earlier failure could not cut back goes first.
                if (_file.Length != _length) _file.SetLength(_length);
                _file.Position = _length;
                _file.Write(line);
                _file.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                CutBack();
                throw;
            }
            _length += line.Length;
            _seq++;
            _head = hash;
        }
    }

    /// <summary>
    /// Removes whatever part of a failed line reached the file. Cutting a file back frees space,
    /// so it works on a full disk; if even that fails, the next append cuts it first, and a
    /// restart cuts a torn tail too (EventLogTail).
    /// </summary>
    private void CutBack()
    {
        try
        {
            _file.SetLength(_length);
            _file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
        }
    }

    internal static string HashOf(string prev, string body) =>
        ContentHash.Of(Encoding.UTF8.GetBytes(prev + "\n" + body));

    public void Dispose()
    {
        lock (_gate) _file.Dispose();
    }
}

public sealed record LogEntry(
    long Seq, string Utc, string Local, string Device, string Event, Actor? Actor,
    Dictionary<string, string>? Data, string Prev);
