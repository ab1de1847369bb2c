using Vmre.Devices.ReceiptPrinter;

namespace Vmre.ModuleServer.Hosting;

/// <summary>
/// How one module server is started: its data directory (written by provisioning), where its two
/// faces listen (the desk's kiosk face on loopback, the LAN face with mutual TLS: issue 8), its
/// printer, its TPM and where each paired terminal's LAN face answers.
/// </summary>
public sealed record ModuleServerOptions(string DataDir, string KioskUrl, string LanUrl)
{
    public const string DefaultKioskUrl = "http://127.0.0.1:5000";

    /// <summary>Serial device of the acta printer (--printer); null means no printer.</summary>
    public string? PrinterPath { get; init; }

    /// <summary>Terminal id → its LAN face, https://ADDRESS:PORT (--terminal ID=URL). The ids must be in the signed module config.</summary>
    public IReadOnlyDictionary<string, string> TerminalUrls { get; init; } = new Dictionary<string, string>();

    /// <summary>How long one terminal may take to print and sign its zero report or closing record.</summary>
    public TimeSpan TerminalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A printer supplied by the caller instead of opening <see cref="PrinterPath"/>: tests pass
    /// a recording fake, the hardware simulator may pass its own.
    /// </summary>
    public IReceiptPrinter? Printer { get; init; }

    /// <summary>The server's TPM (--tcti), which holds its signing key (issue 8 point 2).</summary>
    public string Tcti { get; init; } = CommandLine.DefaultTcti;

    /// <summary>
    /// A signer supplied in-process instead of the TPM, as terminal tests replace the redeemer:
    /// tests only. The executable never sets it, so a running server signs only in its TPM.
    /// </summary>
    public Vmre.Common.Signing.ISigner? ServerKey { get; init; }

    /// <summary>Serial device of the desk's PN532 card reader (--desk-reader); null: officials sign in only from desk consoles.</summary>
    public string? DeskReaderPath { get; init; }

    /// <summary>A desk card reader supplied by the caller instead of opening <see cref="DeskReaderPath"/> (tests).</summary>
    public Vmre.Devices.OfficialCardReader.IOfficialCardReader? DeskReader { get; init; }

    /// <summary>A desk session ends after this long without a request (--desk-idle-minutes; issue 11 point 1).</summary>
    public TimeSpan DeskIdle { get; init; } = Officials.OfficialSessions.DefaultIdle;
    public const int DefaultDiskReserveMb = 16;

    /// <summary>Free space (MiB) kept on the data folder's disk (--disk-reserve-mb): new check-ins are refused below it (issue 11 point 2).</summary>
    public int DiskReserveMb { get; init; } = DefaultDiskReserveMb;

    /// <summary>The clock's source of "now": the system clock, or a fake one in tests.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
