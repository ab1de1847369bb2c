using System.Device.Gpio;
using System.Net.Sockets;
using System.Text;
using Iot.Device.Button;
using Vmre.Devices.GpioSignals.Remote;
using Vmre.Firmware.Signals;
using Vmre.HardwareSim.Gpio;

namespace Vmre.Devices.Tests.GpioSignals;

/// <summary>
/// The terminal's side of --gpio remote:SOCKET (RemoteGpioDriver) against the simulator's GPIO
/// daemon over a real Unix domain socket: the simulator drives the board's pins, the terminal
/// sees edges; the terminal writes its LEDs, the board shows them (GpioSignals/README.md).
/// </summary>
public sealed class RemoteGpioDriverTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SimulatedGpioDriver _board = new();
    private readonly GpioDaemon _daemon;
    private readonly GpioController _terminal;

    public RemoteGpioDriverTests()
    {
        _daemon = new GpioDaemon(_board, _dir.File("gpio.sock"));
        _terminal = new GpioController(new RemoteGpioDriver(_daemon.SocketPath));
    }

    public void Dispose()
    {
        _terminal.Dispose();
        _daemon.Dispose();
        _board.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void A_press_on_the_board_arrives_at_the_terminal_as_a_button_press()
    {
        // As ConfirmButtonInput opens it: active low, internal pull-up, 30 ms debounce.
        using var button = new GpioButton(TerminalPins.ConfirmButton, isPullUp: true, hasExternalResistor: false, gpio: _terminal,
            shouldDispose: false, debounceTime: TimeSpan.FromMilliseconds(30));
        using var pressed = new ManualResetEventSlim();
        button.Press += (_, _) => pressed.Set();
        Assert.True(_board.IsOpen(TerminalPins.ConfirmButton));
        Assert.Equal(PinMode.InputPullUp, _terminal.GetPinMode(TerminalPins.ConfirmButton));
        Assert.Equal(PinValue.High, _terminal.Read(TerminalPins.ConfirmButton)); // the pull-up: released

        _board.Press(TerminalPins.ConfirmButton);

        Assert.True(pressed.Wait(TimeSpan.FromSeconds(10)), "the press never reached the terminal");
    }

    [Fact]
    public void Both_edges_of_a_sensor_arrive_in_order()
    {
        _terminal.OpenPin(TerminalPins.CoverSwitch, PinMode.Input);
        var edges = new List<PinEventTypes>();
        using var both = new CountdownEvent(2);
        _terminal.RegisterCallbackForPinValueChangedEvent(TerminalPins.CoverSwitch, PinEventTypes.Rising | PinEventTypes.Falling, (_, e) =>
        {
            lock (edges) edges.Add(e.ChangeType);
            both.Signal();
        });

        _board.Drive(TerminalPins.CoverSwitch, PinValue.High);
        _board.Drive(TerminalPins.CoverSwitch, PinValue.Low);

        Assert.True(both.Wait(TimeSpan.FromSeconds(10)), "edges missing");
        lock (edges) Assert.Equal([PinEventTypes.Rising, PinEventTypes.Falling], edges);
    }

    [Fact]
    public void An_led_the_terminal_writes_is_lit_on_the_board_and_reads_back()
    {
        _terminal.OpenPin(TerminalPins.ReadyLed, PinMode.Output, PinValue.Low);

        _terminal.Write(TerminalPins.ReadyLed, PinValue.High);

        Assert.Equal(PinValue.High, _board.Level(TerminalPins.ReadyLed));
        Assert.Equal(PinValue.High, _terminal.Read(TerminalPins.ReadyLed));
        Assert.Equal(PinMode.Output, _terminal.GetPinMode(TerminalPins.ReadyLed));
    }

    [Fact]
    public void A_wrong_pin_is_refused_with_the_daemons_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _terminal.OpenPin(99));
        Assert.Contains("pin out of range 0..63", error.Message);
    }

    [Fact]
    public void No_daemon_on_the_socket_is_a_clear_error_naming_it()
    {
        var path = _dir.File("nobody.sock");
        var error = Assert.Throws<RemoteGpioException>(() => new RemoteGpioDriver(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("no daemon answers", error.Message);
    }

    [Fact]
    public void The_daemon_gone_is_a_clear_error_and_closing_still_works()
    {
        _terminal.OpenPin(TerminalPins.PaperOutSensor, PinMode.Input);

        _daemon.Dispose();

        var error = Assert.Throws<RemoteGpioException>(() => _terminal.Read(TerminalPins.PaperOutSensor));
        Assert.Contains(_daemon.SocketPath, error.Message);
        Assert.IsAssignableFrom<IOException>(error);
        _terminal.ClosePin(TerminalPins.PaperOutSensor); // a terminal stopping after the daemon went does not fail
    }

    [Fact]
    public void A_restarted_terminal_opens_its_pins_again_and_finds_the_levels_the_board_kept()
    {
        _terminal.OpenPin(TerminalPins.PaperLowSensor, PinMode.Input);
        _board.Drive(TerminalPins.PaperLowSensor, PinValue.High);
        _terminal.Dispose(); // the terminal process stops; the board stays powered

        using var restarted = new GpioController(new RemoteGpioDriver(_daemon.SocketPath));
        restarted.OpenPin(TerminalPins.PaperLowSensor, PinMode.Input);

        Assert.Equal(PinValue.High, restarted.Read(TerminalPins.PaperLowSensor));
    }

    [Fact]
    public void Protocol_lines_and_errors_as_documented()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(_daemon.SocketPath));
        socket.ReceiveTimeout = 60_000; // a line that never comes fails the test instead of hanging the suite
        using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        string Ask(string line)
        {
            stream.Write(Encoding.ASCII.GetBytes(line + "\n"));
            return reader.ReadLine()!;
        }

        Assert.Equal("ok", Ask("open 17"));
        Assert.Equal("ok", Ask("mode 17 output"));
        Assert.Equal("output", Ask("get-mode 17"));
        Assert.Equal("ok", Ask("write 17 high"));
        Assert.Equal("17 high", Ask("read 17"));
        Assert.Equal("ok", Ask("open 5"));
        Assert.Equal("ok", Ask("mode 5 input-pullup"));
        Assert.Equal("5 high", Ask("read 5"));
        Assert.Equal("error pin 5 is not an output", Ask("write 5 low"));
        Assert.Equal("error pin out of range 0..63", Ask("open 64"));
        Assert.StartsWith("error ", Ask("read 3")); // not opened
        Assert.Equal("error not a pin number: led", Ask("read led"));
        Assert.Equal("error level must be high or low, not 1", Ask("write 17 1"));
        Assert.Equal("error mode must be input, output, input-pullup or input-pulldown, not pwm", Ask("mode 17 pwm"));
        Assert.Equal("error wrong number of arguments for read", Ask("read"));
        Assert.Equal("error unknown request (open, close, mode, get-mode, read, write, watch)", Ask("press 5"));
        Assert.Equal("ok", Ask("close 17"));
        Assert.Equal("ok", Ask("watch"));
        _board.Drive(26, PinValue.High);
        _board.Drive(26, PinValue.Low);
        Assert.Equal("26 high", reader.ReadLine());
        Assert.Equal("26 low", reader.ReadLine());
    }
}
