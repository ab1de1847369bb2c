using Vmre.Common.Protocol;
using Vmre.HardwareSim.Gpio;
using Vmre.HardwareSim.Nfc;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Scanner;
using Vmre.HardwareSim.Tpm;
using Vmre.Simulator.Clients;
using Vmre.Simulator.Hardware;
using Vmre.Simulator.Processes;

namespace Vmre.Simulator.Election;

/// <summary>
/// One simulated terminal: its data folder, TPM, printer, scanner, NFC card reader, GPIO (the
/// board's pins and their daemon, the sensors' wiring, a finger for the confirm button), process and API.
/// </summary>
public sealed class SimTerminal(string id, string dir, SwtpmInstance tpm, string part, string lanAddress)
{
    public string Id { get; } = id;
    /// <summary>Its part on the module LAN (issue 8 point 5): its process and swtpm run in that part's network namespace.</summary>
    public string Part { get; } = part;
    /// <summary>Its address on the module LAN's bridge.</summary>
    public string LanAddress { get; } = lanAddress;
    public string Dir { get; } = dir;
    public SwtpmInstance Tpm { get; } = tpm;
    public PrinterEmulator? Printer { get; set; }
    public ScannerEmulator? Scanner { get; set; }
    public Pn532Emulator? CardReader { get; set; }
    public int Port { get; set; }
    public int LanPort { get; set; }
    /// <summary>Where the terminal's kiosk face listens (its namespace's own loopback, its <see cref="Port"/>): the ballot page and its API.</summary>
    public string Url => $"http://127.0.0.1:{Port}";
    /// <summary>Where the terminal's LAN face listens (https, mutual TLS with the module server only).</summary>
    public string LanUrl => $"https://{LanAddress}:{LanPort}";

    /// <summary>Where the terminal's GPIO daemon listens (a Unix socket path stays under 108 bytes in its data folder).</summary>
    public string GpioSocket => Path.Combine(Dir, "gpio.sock");

    public PrinterSensorWiring? Wiring { get; set; }
    /// <summary>The board's pins, owned here and served to the terminal's process (--gpio remote:SOCKET) by <see cref="GpioDaemon"/>.</summary>
    public SimulatedGpioDriver? Gpio { get; set; }
    public GpioDaemon? GpioDaemon { get; set; }
    public PartProcess? Process { get; set; }
    public TerminalApiClient Api { get; set; } = null!;
}
