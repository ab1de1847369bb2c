namespace Vmre.HardwareSim.Printer.EscPos;

/// <summary>One decoded command. <paramref name="Data"/> carries text bytes or QR data;
/// <paramref name="Description"/> says what an Unknown command was, for the notice log.</summary>
public readonly record struct EscPosCommand(
    EscPosCommandKind Kind,
    int Value = 0,
    byte[]? Data = null,
    string? Description = null)
{
    public static EscPosCommand Unknown(string description) =>
        new(EscPosCommandKind.Unknown, Description: description);
}
