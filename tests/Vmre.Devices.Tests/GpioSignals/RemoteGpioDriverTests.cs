using System.Device.Gpio;
using System.Net.Sockets;
using System.Text;
using Vmre.HardwareSim.Gpio;

namespace Vmre.HardwareSim.Tests.Gpio;

/// <summary>The GPIO control socket, used across a real Unix domain socket.</summary>
public sealed class GpioControlTests : IDisposable
{
    private const int ReadyLed = 17, ConfirmButton = 5, PaperOutSensor = 19;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"vmre-gpio-{Guid.NewGuid():N}.sock");
    private readonly SimulatedGpioDriver _driver = new();
    private readonly GpioController _terminal;
    private readonly GpioControlServer _server;

    public GpioControlTests()
    {
        _terminal = new GpioController(_driver);
        _server = new GpioControlServer(_driver, _path);
    }

    public void Dispose()
    {
        _server.Dispose();
        _terminal.Dispose();
    }

    [Fact]
    public void Reads_outputs_the_terminal_writes_and_drives_its_inputs()
    {
        using var client = new GpioControlClient(_path);
        _terminal.OpenPin(ReadyLed, PinMode.Output);
        _terminal.OpenPin(PaperOutSensor, PinMode.Input);
        _terminal.Write(ReadyLed, PinValue.High);

        Assert.Equal(PinValue.High, client.Read(ReadyLed));
        client.Drive(PaperOutSensor, PinValue.High);
        Assert.Equal(PinValue.High, _terminal.Read(PaperOutSensor));
    }

    [Fact]
    public void Pulse_presses_and_releases_and_the_terminal_sees_both_edges()
    {
        using var client = new GpioControlClient(_path);
        _terminal.OpenPin(ConfirmButton, PinMode.InputPullUp);
        var edges = new List<PinEventTypes>();
        _terminal.RegisterCallbackForPinValueChangedEvent(ConfirmButton, PinEventTypes.Falling | PinEventTypes.Rising,
            (_, e) => { lock (edges) edges.Add(e.ChangeType); });

        client.Press(ConfirmButton, TimeSpan.FromMilliseconds(20));

        lock (edges) Assert.Equal([PinEventTypes.Falling, PinEventTypes.Rising], edges);
        Assert.Equal(PinValue.High, client.Read(ConfirmButton));
    }

    [Fact]
    public void Wait_for_sees_a_later_change_and_gives_up_without_one()
    {
        using var client = new GpioControlClient(_path);
        _terminal.OpenPin(ReadyLed, PinMode.Output);
        using var writer = new Timer(_ => _terminal.Write(ReadyLed, PinValue.High), null, 200, Timeout.Infinite);

        Assert.True(client.WaitFor(ReadyLed, PinValue.High, TimeSpan.FromSeconds(10)));
        Assert.True(client.WaitFor(ReadyLed, PinValue.High, TimeSpan.FromSeconds(1))); // already there
        Assert.False(client.WaitFor(ReadyLed, PinValue.Low, TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public void Protocol_lines_and_errors_as_documented()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(_path));
        using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        string Ask(string line)
        {
            stream.Write(Encoding.ASCII.GetBytes(line + "\n"));
            return reader.ReadLine()!;
        }

        Assert.Equal("ok", Ask("drive 6 high"));
        Assert.Equal("6 high", Ask("read 6"));
        Assert.Equal("ok", Ask("pulse 6 low 5"));
        Assert.Equal("6 high", Ask("read 6"));
        Assert.Equal("error pin out of range 0..63", Ask("read 64"));
        Assert.Equal("error not a pin number: led", Ask("read led"));
        Assert.Equal("error level must be high or low, not 1", Ask("drive 6 1"));
        Assert.Equal("error pulse length must be 1..60000 ms", Ask("pulse 6 low 0"));
        Assert.Equal("error wrong number of arguments for read", Ask("read"));
        Assert.Equal("error unknown request (read, drive, pulse, watch)", Ask("press 5"));
        Assert.Equal("ok", Ask("watch"));
        _driver.Drive(26, PinValue.High);
        _driver.Drive(26, PinValue.Low);
        Assert.Equal("26 high", reader.ReadLine());
        Assert.Equal("26 low", reader.ReadLine());
    }

    [Fact]
    public void Client_throws_on_an_error_answer()
    {
        using var client = new GpioControlClient(_path);
        var error = Assert.Throws<InvalidOperationException>(() => client.Read(99));
        Assert.Contains("pin out of range", error.Message);
    }
}
