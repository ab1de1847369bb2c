using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Vmre.Common.Lan;

/// <summary>
/// A device's two faces (issue 8 point 1), each its own Kestrel app so that what a face does not
/// map it cannot serve: the kiosk face on loopback for the device's own screen, the LAN face with
/// mutual TLS for paired peers (<see cref="LanListener"/>). Started and stopped together; the
/// terminal and the module server each wrap one.
/// </summary>
public abstract class DeviceFaces : IAsyncDisposable
{
    protected DeviceFaces(WebApplication kiosk, WebApplication lan, LanIdentity identity)
    {
        Kiosk = kiosk;
        Lan = lan;
        LanIdentity = identity;
    }

    public WebApplication Kiosk { get; }
    public WebApplication Lan { get; }
    /// <summary>This run's TLS identity (its leaf certified by the device's signing key).</summary>
    public LanIdentity LanIdentity { get; }

    /// <summary>Where the kiosk face listens, once started (http://127.0.0.1:PORT).</summary>
    public string KioskUrl => Address(Kiosk);
    /// <summary>Where the LAN face listens, once started (https://ADDRESS:PORT).</summary>
    public string LanUrl => Address(Lan);

    public async Task StartAsync(CancellationToken cancel = default)
    {
        await Kiosk.StartAsync(cancel);
        await Lan.StartAsync(cancel);
    }

    public async Task StopAsync()
    {
        await Lan.StopAsync();
        await Kiosk.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Lan.DisposeAsync();
        await Kiosk.DisposeAsync();
        LanIdentity.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The address a started app listens on (its first, without the trailing slash).</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/')
        ?? throw new InvalidOperationException("the face is not listening");
}
