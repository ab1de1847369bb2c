using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Vmre.Common.Lan;

/// <summary>
/// Every kiosk face (terminal, module server, console) is bound to a loopback address
/// (<see cref="FaceAddress.Kiosk"/>); as defence in depth, a request whose source is anything but
/// loopback is refused with 403 and reported, so the voter's session and the desk never answer
/// the LAN even if the binding were ever widened (issue 8 point 1). Hosts log it as <c>kiosk-refused</c>.
/// </summary>
public static class LoopbackOnly
{
    public static void UseLoopbackOnly(this WebApplication app, Action<string> refused) =>
        app.Use(async (context, next) =>
        {
            if (Admits(context, refused)) await next(context);
        });

    /// <summary>True for a request from loopback; otherwise reports its source, answers 403 and returns false.</summary>
    public static bool Admits(HttpContext context, Action<string> refused)
    {
        if (context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)) return true;
        refused(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return false;
    }
}
