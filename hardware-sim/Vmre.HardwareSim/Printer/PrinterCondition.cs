namespace Vmre.HardwareSim.Printer;

/// <summary>
/// The mechanical state behind the DLE EOT real-time status replies. Bit meanings follow the
/// Epson ESC/POS reference for DLE EOT n; bits 1 and 4 are fixed on in every reply.
/// </summary>
public sealed class PrinterCondition
{
    private const byte Fixed = 0x12;

    public bool PaperOut { get; set; }
    public bool PaperNearEnd { get; set; }
    public bool Offline { get; set; }
    public bool CoverOpen { get; set; }
    /// <summary>Paper jammed at the autocutter: an error that stops printing until cleared.</summary>
    public bool Jammed { get; set; }

    /// <summary>A real printer prints nothing without paper, with its cover open, offline or jammed.</summary>
    public bool CanPrint => !PaperOut && !Offline && !CoverOpen && !Jammed;

    public string WhyNotPrinting =>
        PaperOut ? "paper out" : CoverOpen ? "cover open" : Jammed ? "paper jam" : Offline ? "offline" : "ready";

    public PrinterSensors Sensors => new(PaperNearEnd || PaperOut, PaperOut, CoverOpen, Jammed, Offline);

    /// <summary>The one byte answered to DLE EOT n (n = 1..4).</summary>
    public byte StatusByte(int n) => n switch
    {
        // n=1 printer status: bit 3 off-line. Paper end, open cover and errors all take it off line.
        1 => (byte)(Fixed | (CanPrint ? 0 : 0x08)),
        // n=2 off-line cause: bit 2 cover open, bit 3 feed button (never), bit 5 paper-end stop, bit 6 error.
        2 => (byte)(Fixed | (CoverOpen ? 0x04 : 0) | (PaperOut ? 0x20 : 0) | (Jammed ? 0x40 : 0)),
        // n=3 error cause: bit 3 autocutter error (our jam); bits 2, 5, 6 never set here.
        3 => (byte)(Fixed | (Jammed ? 0x08 : 0)),
        // n=4 roll sensor: bits 2-3 near end, bits 5-6 paper end (an empty roll is also near its end).
        4 => (byte)(Fixed | (PaperNearEnd || PaperOut ? 0x0C : 0) | (PaperOut ? 0x60 : 0)),
        _ => throw new ArgumentOutOfRangeException(nameof(n), n, "DLE EOT n is 1..4"),
    };

    /// <summary>
    /// The one byte answered to GS r n (n = 1/49 paper sensor, 2/50 drawer connector): bits 0-1
    /// near end, bits 2-3 paper end; no drawer is connected, so its byte is 0.
    /// </summary>
    public byte TransmittedStatus(int n) => (n % 48) switch
    {
        1 => (byte)((PaperNearEnd || PaperOut ? 0x03 : 0) | (PaperOut ? 0x0C : 0)),
        2 => 0x00,
        _ => throw new ArgumentOutOfRangeException(nameof(n), n, "GS r n is 1, 2, 49 or 50"),
    };
}
