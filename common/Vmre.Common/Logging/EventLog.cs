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
public sealed class EventLog : IDisposable
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private readonly object _gate = new();
    private readonly FileStream _file;
    private readonly ModuleClock _clock;
    private long _seq;
    private string _head;

    public EventLog(string path, string device, ModuleClock clock)
    {
        Path_ = path;
        Device = device;
        _clock = clock;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var tail = EventLogTail.Recover(path);
        _seq = tail.LastSeq;
        _head = tail.LastHash;
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
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
            var line = body[..^1] + ",\"hash\":\"" + hash + "\"}\n";
            _file.Write(Encoding.UTF8.GetBytes(line));
            _file.Flush(flushToDisk: true);
            _seq++;
            _head = hash;
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
