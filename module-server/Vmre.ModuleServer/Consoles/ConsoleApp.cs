using System.Security.Cryptography;
using Vmre.Common.Lan;
using Vmre.Common.Logging;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Common.Time;
using Vmre.Devices.OfficialCardReader;
using Vmre.ModuleServer.Http;
using PublicKey = Vmre.Common.Signing.PublicKey;

namespace Vmre.ModuleServer.Consoles;

/// <summary>
/// Builds one desk or observers' console (issue 8 point 1) over its device key: a TPM's on a
/// console, a software key in in-process tests. Its TLS leaf is certified by that key; the server
/// is pinned by its public key; a refusal to start is logged and returned as the reason.
/// </summary>
public static class ConsoleApp
{
    public static Parsed<ConsoleFace> Build(ConsoleOptions options, ISigner deviceKey)
    {
        // Issue 11 point 6: the console's data folder is the owner's alone.
        Vmre.Common.Storage.PrivateFiles.Folder(options.DataDir);
        // A console has no module config, so no time zone of its own: its log is in UTC.
        var log = new EventLog(Path.Combine(options.DataDir, ConsoleOptions.EventLogFile), options.ConsoleId,
            new ModuleClock(TimeZoneInfo.Utc, options.Time));
        var kiosk = FaceAddress.Kiosk("--kiosk", options.KioskUrl);
        if (!kiosk.IsOk) return Refuse(log, kiosk.Error!);
        var server = FaceAddress.Lan("--server", options.ServerUrl);
        if (!server.IsOk) return Refuse(log, server.Error!);
        var serverKey = ReadKey(options.ServerKeyPath);
        if (!serverKey.IsOk) return Refuse(log, serverKey.Error!);

        var identity = LanIdentity.Mint(options.ConsoleId, deviceKey, options.Time);
        var pin = new ServerPin(serverKey.Value!);
        var http = new HttpClient(pin.Handler(identity, reason => log.Append("lan-peer-refused", null, new() { ["reason"] = reason })))
        {
            BaseAddress = new Uri(options.ServerUrl),
            Timeout = options.ServerTimeout,
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(kiosk.Value!);
        // Issue 11 point 2: the console's face is bounded like the server's.
        builder.WebHost.ConfigureKestrel(kestrel => RequestLimits.Apply(kestrel.Limits));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ListenerRefusals.AddTo(builder.Logging, log);
        var app = builder.Build();
        app.UseLoopbackOnly(remote => log.Append("kiosk-refused", null, new() { ["remote"] = remote }));
        app.UseBoundedBodies(log);
        DeskPage.ServeFiles(app);
        // Issue 11 design §3: the console's own reader holds the official's card; one it opened it closes.
        var reader = options.DeskReader ?? (options.DeskReaderPath is null ? null : new Pn532OfficialCardReader(options.DeskReaderPath));
        if (options.DeskReader is null && reader is not null) app.Lifetime.ApplicationStopped.Register(reader.Dispose);
        ApiForwarding.Map(app, http, log, reader is null ? null : new ConsoleCardReader(reader, http, log));
        app.Lifetime.ApplicationStopped.Register(http.Dispose);
        log.Append("console-started", null, new() { ["server"] = options.ServerUrl, ["serverKey"] = serverKey.Value!.KeyId, ["cardReader"] = options.DeskReaderPath ?? (options.DeskReader is null ? "none" : "supplied") });
        return Parsed<ConsoleFace>.Ok(new ConsoleFace(app, identity, log));
    }

    private static Parsed<PublicKey> ReadKey(string path)
    {
        if (!File.Exists(path)) return Parsed<PublicKey>.Fail($"--server-key {path} not found");
        try { return Parsed<PublicKey>.Ok(PublicKey.FromPem(File.ReadAllText(path))); }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return Parsed<PublicKey>.Fail($"--server-key {path} is not an ECDSA P-256 public key ({e.Message})");
        }
    }

    private static Parsed<ConsoleFace> Refuse(EventLog log, string reason)
    {
        log.Append("console-refused", null, new() { ["reason"] = reason });
        log.Dispose();
        return Parsed<ConsoleFace>.Fail(reason);
    }
}
