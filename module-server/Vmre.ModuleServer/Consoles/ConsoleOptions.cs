namespace Vmre.ModuleServer.Consoles;

/// <summary>
/// How one desk or observers' console runs (issue 8 point 1): its data directory and TPM, the id
/// the module config pairs it under, the server's LAN face and the server's public key it pins,
/// and its own kiosk face on loopback where the console's browser opens the desk page.
/// </summary>
public sealed record ConsoleOptions(string DataDir, string ConsoleId, string ServerUrl, string ServerKeyPath, string KioskUrl)
{
    public const string DefaultKioskUrl = "http://127.0.0.1:5000";
    public const string PublicKeyFile = "console-public.pem";
    public const string EventLogFile = "events.jsonl";
    public const string DefaultTcti = "device:/dev/tpmrm0";

    /// <summary>The TPM that holds the device key: device:/dev/tpmrm0 on a console, swtpm:host=…,port=P in the simulator.</summary>
    public string Tcti { get; init; } = DefaultTcti;

    /// <summary>How long the server may take to answer one forwarded call (opening and closing wait for every terminal).</summary>
    public TimeSpan ServerTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The clock's source of "now": the system clock, or a fake one in tests.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Serial device of the console's PN532 card reader (--desk-reader); null: no reader, officials cannot sign in here.</summary>
    public string? DeskReaderPath { get; init; }

    /// <summary>A card reader supplied by the caller instead of opening <see cref="DeskReaderPath"/> (tests).</summary>
    public Vmre.Devices.OfficialCardReader.IOfficialCardReader? DeskReader { get; init; }
}
