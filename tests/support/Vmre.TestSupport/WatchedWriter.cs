using System.Text;

namespace Vmre.TestSupport;

/// <summary>
/// A TextWriter a test can wait on: <see cref="WaitFor"/> returns once the written text holds
/// a string (a condition, never a fixed sleep), or fails after a generous bound with what was written.
/// </summary>
public sealed class WatchedWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<(string Wanted, TaskCompletionSource Seen)> _waits = [];

    public override Encoding Encoding => Encoding.UTF8;

    public string Text { get { lock (_text) return _text.ToString(); } }

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
            foreach (var (wanted, seen) in _waits)
                if (_text.ToString().Contains(wanted, StringComparison.Ordinal)) seen.TrySetResult();
        }
    }

    public async Task WaitFor(string wanted, TimeSpan bound)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_text)
        {
            if (_text.ToString().Contains(wanted, StringComparison.Ordinal)) return;
            _waits.Add((wanted, seen));
        }
        try { await seen.Task.WaitAsync(bound); }
        catch (TimeoutException) { throw new TimeoutException($"'{wanted}' not written within {bound}; written:\n{Text}"); }
    }
}
