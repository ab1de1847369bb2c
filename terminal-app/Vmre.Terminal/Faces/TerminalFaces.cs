using Vmre.Common.Lan;
using Vmre.Terminal.Hosting;

namespace Vmre.Terminal.Faces;

/// <summary>
/// The terminal's two faces (issue 8 point 1): the kiosk face on loopback for the voter and the
/// officials at the terminal (<see cref="KioskFace"/>), and the LAN face, mutual TLS with the
/// module server only, for module commands and the read-only state (<see cref="LanFace"/>).
/// </summary>
public sealed class TerminalFaces : DeviceFaces
{
    private TerminalFaces(WebApplication kiosk, WebApplication lan, LanIdentity identity) : base(kiosk, lan, identity) { }

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

    public void Start() => StartAsync().GetAwaiter().GetResult();
}
