using Vmre.Common.Lan;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Terminal.Hosting;
using Vmre.Terminal.Http;

namespace Vmre.Terminal.Faces;

/// <summary>
/// The terminal's LAN face (issue 8 points 1 and 2): module commands and the read-only state the
/// desk shows, nothing that reads or changes a voter's session, and only over mutual TLS with
/// the module server, whose key is pinned in the signed module config. Any other peer (no
/// certificate, an unpaired key, plain HTTP) is refused at the handshake and logged
/// (<c>lan-peer-refused</c>). Commands keep their own signatures on top (rules.md R5).
/// </summary>
public static class LanFace
{
    public static WebApplication Create(string lanUrl, TerminalParts parts, LanIdentity me)
    {
        var endpoint = FaceAddress.Lan("--lan", lanUrl);
        if (!endpoint.IsOk) throw new TerminalStartupException(endpoint.Error!, usageError: true);
        var server = new PairedPeers(new Dictionary<string, PublicKey> { [parts.Election.Module.ModuleId] = parts.Election.ServerKey });
        var builder = WebApplication.CreateSlimBuilder();
        // Issue 11 point 4: request bodies bound by ASP.NET get the one strict reading too.
        builder.Services.ConfigureHttpJsonOptions(json => Vmre.Common.Serialization.VmreJson.ConfigureReading(json.SerializerOptions));
        builder.Logging.ClearProviders();
        ListenerRefusals.AddTo(builder.Logging, parts.Log);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Issue 11 point 2: bounded bodies, headers and request line on every face.
            RequestLimits.Apply(kestrel.Limits);
            LanListener.Listen(kestrel, endpoint.Value!, me, server, reason => parts.Log.Append("lan-peer-refused", null, new() { ["reason"] = reason }));
        });
        var app = builder.Build();
        app.UseBoundedBodies(parts.Log);
        LanEndpoints.Map(app, parts.Identity, parts.Booth.View, parts.Desk);
        return app;
    }
}
