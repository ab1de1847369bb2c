using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Logging;
using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;
using Vmre.Devices.GpioSignals;

namespace Vmre.Terminal.Session;

/// <summary>
/// What the terminal's devices say about printing: the cover switch and paper sensors (GPIO),
/// the printer's own status, and the status lights that show them with the session state. The
/// booth asks it whether a testigo or an owed mark can print now, and calls it under its own lock.
/// </summary>
public sealed class DeviceFaults(IReceiptPrinter printer, IStatusLights lights, EventLog log)
{
    private bool _coverOpen;
    // Read without the booth's lock by GET /api/state: a display value, read whole.
    private volatile PaperLevel _paper = PaperLevel.Ok;

    public PaperLevel Paper => _paper;

    /// <summary>The cover switch moved; false when it reports what is already known.</summary>
    public bool CoverMoved(bool open)
    {
        if (open == _coverOpen) return false;
        _coverOpen = open;
        log.Append(open ? "cover-opened" : "cover-closed");
        return true;
    }

    /// <summary>The paper sensors changed; false when they report what is already known.</summary>
    public bool PaperMoved(PaperLevel level)
    {
        if (level == _paper) return false;
        _paper = level;
        log.Append("paper-level", null, new() { ["level"] = level.ToString() });
        return true;
    }

    /// <summary>Why the printer cannot print now, or null when it can.</summary>
    public string? Pending()
    {
        if (_coverOpen) return "the printer cover is open";
        if (_paper == PaperLevel.Out) return "the printer is out of paper";
        var status = printer.Status();
        return status == PrinterCondition.Ready ? null : "printer status " + status;
    }

    /// <summary>The lights for this session state and the paper as last sensed (rules.md R9: always with words on screen).</summary>
    public void Show(SessionState state) => lights.Show(state, _paper);
}
