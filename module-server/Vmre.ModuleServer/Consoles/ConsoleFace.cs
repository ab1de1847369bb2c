using Vmre.Common.Lan;
using Vmre.Common.Logging;

namespace Vmre.ModuleServer.Consoles;

/// <summary>
/// A running console (issue 8 point 1): its kiosk face on loopback serves the desk page and
/// forwards the page's API calls to the module server's LAN face as this console.
/// </summary>
public sealed class ConsoleFace : IAsyncDisposable
{
    private readonly EventLog _log;

    internal ConsoleFace(WebApplication kiosk, LanIdentity identity, EventLog log)
    {
        Kiosk = kiosk;
        LanIdentity = identity;
        _log = log;
    }

    public WebApplication Kiosk { get; }
    public LanIdentity LanIdentity { get; }

    /// <summary>Where the console's browser opens the desk, once started (http://127.0.0.1:PORT).</summary>
    public string KioskUrl => DeviceFaces.Address(Kiosk);

    public Task StartAsync(CancellationToken cancel = default) => Kiosk.StartAsync(cancel);

    public Task StopAsync() => Kiosk.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await Kiosk.DisposeAsync();
        _log.Append("console-stopped");
        _log.Dispose();
        LanIdentity.Dispose();
    }
}
