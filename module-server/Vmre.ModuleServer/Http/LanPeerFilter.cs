using Vmre.Common.Lan;
using Vmre.Common.Logging;
using Vmre.ModuleServer.Pairing;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// On the LAN face, each endpoint group answers one kind of paired device (issue 8 point 1):
/// terminals redeem, desk consoles run the desk, desk and observers' consoles read. The handshake
/// already refused every unpaired peer; this names the peer from the connection's certificate and
/// refuses, with a 403 and a logged <c>lan-peer-refused</c> naming route and peer (rules.md R7),
/// a device of another kind — an observers' console never checks in, signs in or opens the polls.
/// </summary>
public sealed class LanPeerFilter(PairedDevices devices, IReadOnlySet<DeviceKind> admitted, string answers, EventLog log) : IEndpointFilter
{
    private const string PeerItem = "vmre-lan-peer";

    public static LanPeerFilter Terminals(PairedDevices devices, EventLog log) =>
        new(devices, new HashSet<DeviceKind> { DeviceKind.Terminal }, "paired terminals", log);

    public static LanPeerFilter DeskConsoles(PairedDevices devices, EventLog log) =>
        new(devices, new HashSet<DeviceKind> { DeviceKind.DeskConsole }, "desk consoles", log);

    public static LanPeerFilter Readers(PairedDevices devices, EventLog log) =>
        new(devices, new HashSet<DeviceKind> { DeviceKind.DeskConsole, DeviceKind.ObserverConsole }, "desk and observers' consoles", log);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var peer = devices.Peers.Identify(http.Connection.ClientCertificate);
        var kind = peer.IsOk ? devices.KindOf(peer.Value!.DeviceId) : null;
        if (kind is { } k && admitted.Contains(k))
        {
            http.Items[PeerItem] = peer.Value!;
            return await next(context);
        }
        var reason = peer.IsOk ? $"{peer.Value!.DeviceId} is paired as {Words(kind)}" : peer.Error!;
        log.Append("lan-peer-refused", null, new()
        {
            ["reason"] = $"{reason}; this endpoint answers {answers} only",
            ["route"] = Vmre.Common.Logging.LogText.Untrusted(http.Request.Path.Value),
            ["peer"] = peer.IsOk ? peer.Value!.DeviceId : "unidentified",
        });
        return HttpJson.Error(StatusCodes.Status403Forbidden, $"this endpoint answers {answers} only: {reason}");
    }

    /// <summary>The device the connection's certificate proved (set by this filter).</summary>
    public static LanPeer Peer(HttpContext http) =>
        http.Items[PeerItem] as LanPeer ?? throw new InvalidOperationException($"{http.Request.Path} is not behind {nameof(LanPeerFilter)}");

    /// <summary>The device this filter named, or null on a request that did not pass it (the kiosk face).</summary>
    public static LanPeer? PeerOrNone(HttpContext http) => http.Items[PeerItem] as LanPeer;

    private static string Words(DeviceKind? kind) => kind switch
    {
        DeviceKind.Terminal => "a terminal",
        DeviceKind.DeskConsole => "a desk console",
        DeviceKind.ObserverConsole => "an observers' console",
        _ => "a device of no known kind",
    };
}
