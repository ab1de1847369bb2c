using Vmre.Common.Lan;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// On the LAN face, a request for a terminal's endpoint must come over a connection whose TLS
/// certificate proves a paired terminal (issue 8 point 2). The handshake already refused every
/// other peer; this names the peer for the endpoint and refuses a console or an unknown one.
/// </summary>
public sealed class PairedTerminalFilter(PairedPeers terminals, EventLog log) : IEndpointFilter
{
    public const string PeerItem = "vmre-lan-peer";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var peer = terminals.Identify(http.Connection.ClientCertificate);
        if (!peer.IsOk)
        {
            log.Append("lan-peer-refused", null, new() { ["reason"] = peer.Error!, ["route"] = http.Request.Path.Value ?? "" });
            return HttpJson.Error(StatusCodes.Status403Forbidden, "this endpoint answers paired terminals only: " + peer.Error);
        }
        http.Items[PeerItem] = peer.Value!;
        return await next(context);
    }

    /// <summary>The terminal the connection's certificate proved (set by this filter).</summary>
    public static LanPeer Peer(HttpContext http) => (LanPeer)http.Items[PeerItem]!;
}
