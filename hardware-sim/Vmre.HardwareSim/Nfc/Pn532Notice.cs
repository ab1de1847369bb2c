namespace Vmre.HardwareSim.Nfc;

public enum Pn532NoticeKind
{
    /// <summary>A command frame was answered; Detail names the command, never card contents.</summary>
    Command,
    /// <summary>A frame with a wrong LCS or DCS was refused with a NACK.</summary>
    BadChecksum,
    /// <summary>An unknown command or bad parameters were answered with the error frame.</summary>
    SyntaxError,
    /// <summary>Bytes arrived while the chip was powered down and no wake-up preceded them.</summary>
    IgnoredWhileAsleep,
    /// <summary>A half-received frame was dropped after silence.</summary>
    IncompleteFrame,
    InternalError,
}

public sealed record Pn532Notice(Pn532NoticeKind Kind, string Detail);
