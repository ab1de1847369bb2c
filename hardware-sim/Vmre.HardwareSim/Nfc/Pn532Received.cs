namespace Vmre.HardwareSim.Nfc;

/// <summary>What the PN532's serial receiver recognised in the host's bytes.</summary>
public enum Pn532ReceivedKind
{
    /// <summary>A 0x55 outside any frame: the HSU wake-up.</summary>
    WakeUp,
    /// <summary>A normal or extended information frame with both checksums right.</summary>
    Information,
    Ack,
    Nack,
    BadLengthChecksum,
    BadDataChecksum,
}

/// <param name="Body">For <see cref="Pn532ReceivedKind.Information"/>: TFI, command code, parameters.</param>
public readonly record struct Pn532Received(Pn532ReceivedKind Kind, byte[] Body);
