using System.Net;
using Vmre.Common.Serialization;

namespace Vmre.Common.Lan;

/// <summary>
/// Where a device's two faces listen (issue 8 point 1), parsed at the boundary: the kiosk face on
/// a loopback address only (the voter's session and the desk must never face the LAN), the LAN
/// face https on an IP literal, served to paired peers only.
/// </summary>
public static class FaceAddress
{
    public static Parsed<string> Kiosk(string option, string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            return Parsed<string>.Fail($"{option} '{text}' must be an http:// URL on a loopback address");
        var loopback = uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return loopback ? Parsed<string>.Ok(text)
            : Parsed<string>.Fail($"{option} '{text}': the kiosk face answers this machine only; use a loopback address such as http://127.0.0.1:PORT");
    }

    public static Parsed<IPEndPoint> Lan(string option, string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            return Parsed<IPEndPoint>.Fail($"{option} '{text}' must be an https:// URL (the LAN face speaks mutual TLS only)");
        if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
            return Parsed<IPEndPoint>.Fail($"{option} '{text}' must name an IP address, e.g. https://10.0.0.2:5443");
        return Parsed<IPEndPoint>.Ok(new IPEndPoint(address, uri.Port));
    }
}
