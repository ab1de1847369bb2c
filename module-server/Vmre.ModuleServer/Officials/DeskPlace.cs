namespace Vmre.ModuleServer.Officials;

/// <summary>
/// Where a desk request comes from: the server's own screen (kiosk face, loopback) or one paired
/// desk console named by its LAN certificate. A session is bound to the place it was issued at
/// (issue 11 review finding 6), and challenges are counted per place (finding 4).
/// </summary>
public readonly record struct DeskPlace(string? ConsoleId)
{
    public static DeskPlace Kiosk => new(null);

    public static DeskPlace Console(string deviceId) => new(deviceId);

    public bool IsKiosk => ConsoleId is null;

    public override string ToString() => ConsoleId is null ? "kiosk" : "console:" + ConsoleId;
}
