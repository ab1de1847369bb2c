using System.IO.Ports;
using System.Text;

namespace Vmre.Devices.CodeScanner;

/// <summary>
/// A serial scanner: each scan ends with a carriage return. Real hardware and the simulator's
/// scanner emulator (a pseudo-terminal) are reached through this same class.
/// </summary>
public sealed class SerialCodeScanner(string portPath) : ICodeScanner
{
    private const int MaxScanLength = 1024;
    private readonly SerialPort _port = new(portPath, 115200) { ReadTimeout = 200 };
    private readonly CancellationTokenSource _stop = new();
    private Thread? _reader;

    public event Action<string>? Scanned;

    /// <summary>A Scanned handler threw; the scanner keeps reading (the host logs it).</summary>
    public event Action<Exception>? HandlerFailed;

    event Action<string> ICodeScanner.Scanned { add => Scanned += value; remove => Scanned -= value; }

    public void Start()
    {
        _port.Open();
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "scanner" };
        _reader.Start();
    }

    private void ReadLoop()
    {
        var buffer = new List<byte>();
        while (!_stop.IsCancellationRequested)
        {
            int b;
            try { b = _port.ReadByte(); }
            catch (TimeoutException) { continue; }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            if (b < 0) continue;
            if (b == '\r')
            {
                if (buffer.Count > 0) Deliver(Encoding.UTF8.GetString(buffer.ToArray()));
                buffer.Clear();
            }
            else if (buffer.Count < MaxScanLength) buffer.Add((byte)b);
            // An over-long scan is truncated here and then refused by the decoder with a reason.
        }
    }

    /// <summary>
    /// Review finding: an exception from a handler (the booth's Activate) used to escape this
    /// background thread, and an unhandled exception on any thread ends the terminal process.
    /// One failed scan must cost one refusal, not the terminal.
    /// </summary>
    private void Deliver(string text)
    {
        try { Scanned?.Invoke(text); }
        catch (Exception e)
        {
            try { HandlerFailed?.Invoke(e); } catch (Exception) { /* nothing left to report to */ }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _reader?.Join(1000);
        _port.Dispose();
    }
}
