using Vmre.Common.Lan;

namespace Vmre.ModuleServer.Faces;

/// <summary>
/// The module server's two faces (issue 8 point 1): the kiosk face on loopback, the desk on the
/// server's own screen; the LAN face, mutual TLS with paired devices only, where terminals redeem
/// activations and paired consoles reach the desk.
/// </summary>
public sealed class ModuleServerFaces : DeviceFaces
{
    internal ModuleServerFaces(WebApplication kiosk, WebApplication lan, LanIdentity identity) : base(kiosk, lan, identity) { }

    public IServiceProvider Services => Kiosk.Services;
}
