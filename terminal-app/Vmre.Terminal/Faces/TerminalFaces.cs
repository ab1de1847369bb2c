using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Vmre.Common.Lan;
using Vmre.Terminal.Hosting;

namespace Vmre.Terminal.Faces;

/// <summary>
/// The terminal's two faces (issue 8 point 1), each its own Kestrel app so that what a face does
/// not map it cannot serve: the kiosk face on loopback for the voter and the officials at the
/// terminal, and the LAN face, mutual TLS with the module server only, for module commands and the
/// read-only state. Started and stopped together.
/// </summary>
public sealed class TerminalFaces : IAsyncDisposable
{
    private TerminalFaces(WebApplication kiosk, WebApplication lan, LanIdentity identity)
    {
        Kiosk = kiosk;
        Lan = lan;
        LanIdentity = identity;
    }

    public WebApplication Kiosk { get; }
    public WebApplication Lan { get; }
    /// <summary>This run's TLS identity (its leaf certified by the TPM's device key).</summary>
    public LanIdentity LanIdentity { get; }

    /// <summary>Where the kiosk listens, once started (http://127.0.0.1:PORT).</summary>
    public string KioskUrl => Address(Kiosk);
    /// <summary>Where the LAN face listens, once started (https://ADDRESS:PORT).</summary>
    public string LanUrl => Address(Lan);

    public static TerminalFaces Create(string kioskUrl, string lanUrl, TerminalParts parts, LanIdentity identity)
    {
        var kiosk = KioskFace.Create(kioskUrl, parts);
        try { return new TerminalFaces(kiosk, LanFace.Create(lanUrl, parts, identity), identity); }
        catch
        {
            ((IDisposable)kiosk).Dispose();
            throw;
        }
    }

    public void Start()
    {
        Kiosk.Start();
        Lan.Start();
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
