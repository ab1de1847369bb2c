using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Vmre.Common.Lan;

namespace Vmre.ModuleServer.Faces;

/// <summary>
/// The module server's two faces (issue 8 point 1), each its own Kestrel app so that what a face
/// does not map it cannot serve: the kiosk face on loopback, the desk on the server's own screen;
/// the LAN face, mutual TLS with paired devices only, where terminals redeem activations.
/// </summary>
public sealed class ModuleServerFaces : IAsyncDisposable
{
    internal ModuleServerFaces(WebApplication kiosk, WebApplication lan, LanIdentity identity)
    {
        Kiosk = kiosk;
        Lan = lan;
        LanIdentity = identity;
    }

    public WebApplication Kiosk { get; }
    public WebApplication Lan { get; }
    public LanIdentity LanIdentity { get; }
    public IServiceProvider Services => Kiosk.Services;

    /// <summary>Where the desk listens, once started (http://127.0.0.1:PORT).</summary>
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
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/')
        ?? throw new InvalidOperationException("the face is not listening");
}
