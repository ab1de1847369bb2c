using Vmre.Common.Lan;
using Vmre.Common.Protocol;
using Vmre.Common.Logging;
using Vmre.Common.Serialization;
using Vmre.Common.Time;
using Vmre.Devices.OfficialCardReader;
using Vmre.ModuleServer.Activations;
using Vmre.ModuleServer.Counting;
using Vmre.ModuleServer.Documents;
using Vmre.ModuleServer.Faces;
using Vmre.ModuleServer.Http;
using Vmre.ModuleServer.Officials;
using Vmre.ModuleServer.OpeningAndClosing;
using Vmre.ModuleServer.Pairing;
using Vmre.ModuleServer.Polls;
using Vmre.ModuleServer.Printing;
using Vmre.ModuleServer.Storage;
using Vmre.ModuleServer.Terminals;
using Vmre.ModuleServer.Tpm;
using Vmre.ModuleServer.Voters;

namespace Vmre.ModuleServer.Hosting;

/// <summary>
/// Builds one module server over its data directory. Startup verifies every signed input
/// first (rules.md R5); a refusal is logged and returned as the reason, and nothing listens.
/// </summary>
public static class ModuleServerApp
{
    public const string EventLogFile = "events.jsonl";
    public const string DatabaseFile = "module.db";

    public static Parsed<ModuleServerFaces> Build(ModuleServerOptions options)
    {
        // Issue 11 point 6: the data folder is 0700, its files 0600.
        Vmre.Common.Storage.PrivateFiles.Folder(options.DataDir);
        // Review finding 1 (issue 11 point 5): the TPM, and with it the authority fingerprint it
        // holds, is checked before authority.pub.pem verifies anything: a swapped key with
        // re-signed documents must not open a log under its config's module id, nor import its
        // slice into module.db (which would make the genuine files fail forever after).
        var opened = OpenServerKey(options);
        if (!opened.IsOk)
        {
            LogRefusal(options, opened.Error!);
            return Parsed<ModuleServerFaces>.Fail(opened.Error!);
        }
        var built = Build(options, opened.Value!);
        if (!built.IsOk) opened.Value!.Dispose();
        return built;
    }

    private static Parsed<ModuleServerFaces> Build(ModuleServerOptions options, ServerTpm server)
    {
        var loaded = ModuleDocuments.Load(options.DataDir);
        if (!loaded.IsOk)
        {
            LogRefusal(options, loaded.Error!);
            return Parsed<ModuleServerFaces>.Fail(loaded.Error!);
        }
        var docs = loaded.Value!;
        var clock = new ModuleClock(TimeZoneInfo.FindSystemTimeZoneById(docs.Config.TimeZone), options.Time);
        var log = new EventLog(Path.Combine(options.DataDir, EventLogFile), docs.Config.ModuleId, clock);

        var unknownTerminal = options.TerminalUrls.Keys.FirstOrDefault(id => docs.Config.Terminal(id) is null);
        if (unknownTerminal is not null) return Refuse(log, $"--terminal {unknownTerminal} is not paired in the module config");
        var kioskUrl = FaceAddress.Kiosk("--kiosk", options.KioskUrl);
        if (!kioskUrl.IsOk) return Refuse(log, kioskUrl.Error!);
        var lanEndpoint = FaceAddress.Lan("--lan", options.LanUrl);
        if (!lanEndpoint.IsOk) return Refuse(log, lanEndpoint.Error!);
        var badTerminalUrl = options.TerminalUrls.FirstOrDefault(t => !FaceAddress.Lan("--terminal", t.Value).IsOk);
        if (badTerminalUrl.Key is not null) return Refuse(log, FaceAddress.Lan("--terminal", badTerminalUrl.Value).Error!);

        // Issue 8 point 1: terminals and consoles answer one handshake, so their ids must not clash.
        var devices = PairedDevices.From(docs.Config, docs.TerminalKeys);
        if (!devices.IsOk) return Refuse(log, devices.Error!);

        var db = ModuleDatabase.Open(Path.Combine(options.DataDir, DatabaseFile));
        Vmre.Common.Storage.PrivateFiles.Restrict(Path.Combine(options.DataDir, ModuleDocuments.SliceFile));
        var imported = SliceImport.EnsureImported(db, docs.Slice, docs.SliceHash);
        if (!imported.IsOk) return Refuse(log, imported.Error!);

        var opened = options.Printer is null ? ReceiptPrinterFactory.Open(options.PrinterPath) : Parsed<Vmre.Devices.ReceiptPrinter.IReceiptPrinter?>.Ok(options.Printer);
        if (!opened.IsOk) return Refuse(log, opened.Error!);
        var printer = opened.Value;
        var paired = docs.PairedWith(server.Key, server.Where);
        if (!paired.IsOk)
        {
            printer?.Dispose();
            return Refuse(log, paired.Error!);
        }
        docs = paired.Value!;
        log.Append("module-server-started", null, new()
        {
            ["packageHash"] = docs.PackageHash,
            ["votersImported"] = imported.Value.ToString(),
            ["printer"] = printer is null ? "no printer configured" : options.PrinterPath ?? "supplied by host",
            ["polls"] = PollsRecord.Read(db).ToString(),
        });

        // Issue 9 point 3: voters' actions are counted per hour; a timer writes each hour's line.
        var activity = new VoterActivity(log, options.Time);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(kioskUrl.Value!);
        builder.WebHost.ConfigureKestrel(kestrel => RequestLimits.Apply(kestrel.Limits));
        ListenerRefusals.AddTo(builder.Logging, log);
        builder.Services.AddSingleton(new LoadedModule(docs.Config.ModuleId, docs.Config.ElectionId, docs.PackageHash, docs.SliceHash,
            docs.Slice.Voters.Count, printer is null ? "no printer configured" : options.PrinterPath ?? "supplied by host"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseLoopbackOnly(remote => log.Append("kiosk-refused", null, new() { ["remote"] = remote }));
        app.UseBoundedBodies(log);
        // Issue 8 points 1-2: this run's TLS leaf, certified by the server's signing key; the LAN face
        // admits paired terminals and consoles only, and the server dials its terminals (and only
        // them) over mutual TLS.
        var identity = LanIdentity.Mint(docs.Config.ModuleId, docs.ServerKey, options.Time);
        var terminals = new PairedPeers(docs.TerminalKeys);
        Action<string> refused = reason => log.Append("lan-peer-refused", null, new() { ["reason"] = reason });
        var lan = LanApp(lanEndpoint.Value!, identity, devices.Value!.Peers, refused, log);
        lan.UseBoundedBodies(log);
        Wire(app, lan, devices.Value!, options, docs, clock, log, activity, db, printer, () => LanTls.ClientHandler(identity, terminals, refused));
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            activity.Dispose();
            log.Append("module-server-stopped");
            log.Dispose();
            printer?.Dispose();
            server.Dispose();
        });
        return Parsed<ModuleServerFaces>.Ok(new ModuleServerFaces(app, lan, identity));
    }

    /// <summary>
    /// The server's key (issue 8 point 2): in its TPM, and the one the config pairs this module
    /// with. A server.key left in the folder is refused rather than ignored: the key must exist
    /// only inside the chip (rules.md R5), so a private key file beside the server is a copy
    /// someone has to find and destroy, and an old provisioning to redo with --server-public.
    /// </summary>
    private static Parsed<ServerTpm> OpenServerKey(ModuleServerOptions options)
    {
        if (File.Exists(Path.Combine(options.DataDir, ModuleDocuments.ServerKeyFile)))
            return Parsed<ServerTpm>.Fail($"{ModuleDocuments.ServerKeyFile} found in {options.DataDir}: the module server's key lives "
                + "in its TPM (issue 8 point 2); remove the software key and pair the TPM key (module configure --server-public)");
        return ServerTpm.Open(options.DataDir, options.Tcti, options.ServerKey);
    }

    /// <summary>The LAN face: https on the module LAN, mutual TLS, paired peers only (issue 8 points 1-2).</summary>
    private static WebApplication LanApp(System.Net.IPEndPoint endpoint, LanIdentity identity, PairedPeers peers, Action<string> refused, EventLog log)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ListenerRefusals.AddTo(builder.Logging, log);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            RequestLimits.Apply(kestrel.Limits);
            LanListener.Listen(kestrel, endpoint, identity, peers, refused);
        });
        return builder.Build();
    }

    private static void Wire(WebApplication app, WebApplication lan, PairedDevices devices, ModuleServerOptions options, ModuleDocuments docs, ModuleClock clock,
        EventLog log, VoterActivity activity, ModuleDatabase db, Vmre.Devices.ReceiptPrinter.IReceiptPrinter? printer, Func<HttpMessageHandler> lanClient)
    {
        var moduleId = docs.Config.ModuleId;
        var tokens = new ActivationTokens(moduleId, docs.PackageHash, docs.ServerKey, docs.ServerPublicKey);
        var pace = new CheckInPace(() => clock.Now().Utc);
        // Issue 11 point 1: officials sign in with a card that proves its secret; PIN failures are
        // counted per credential in module.db, only for a genuine card's PinWrong.
        var lockouts = new OfficialLockouts(db);
        var cardCheck = new OfficialCardCheck(docs.Config, lockouts, log, options.Time);
        var challenges = new IssuedChallenges(options.Time);
        var deskReader = options.DeskReader ?? (options.DeskReaderPath is null ? null : new Pn532OfficialCardReader(options.DeskReaderPath));
        if (options.DeskReader is null && deskReader is not null) app.Lifetime.ApplicationStopped.Register(deskReader.Dispose);
        var cards = new DeskCards(deskReader, challenges, cardCheck);
        var sessions = new OfficialSessions(options.Time, options.DeskIdle, log);
        var lifting = new LockLifting(docs.Config, lockouts, log, options.Time);
        var http = new HttpClient(lanClient()) { Timeout = options.TerminalTimeout };
        var client = new TerminalClient(moduleId, docs.PackageHash, docs.ServerKey, options.TerminalUrls, http, new CommandSequence(db));
        var checks = new ReplyChecks(moduleId, docs.PackageHash, docs.TerminalKeys);
        var store = new ReceivedDocuments(options.DataDir);
        var archive = new ActaArchive(options.DataDir);
        var opening = new PollsOpening(docs.Config, client, checks, store, log);
        var closing = new PollsClosing(docs, db, client, checks, store, archive, printer, clock, log);
        var gate = new PollsGate(db);
        var polls = new PollsController(db, gate, opening, closing, log, activity);

        // A short timeout of its own: the desk polls this every few seconds, and one terminal that
        // hangs must not hold the others' alerts back.
        var watchHttp = new HttpClient(lanClient()) { Timeout = TimeSpan.FromSeconds(2) };
        var watch = new TerminalWatch(options.TerminalUrls, docs.Config.Terminals.Select(t => t.TerminalId), watchHttp);
        app.Lifetime.ApplicationStopped.Register(watchHttp.Dispose);
        var room = new DiskRoom(options.DataDir, options.DiskReserveMb * 1024L * 1024L);
        var checkIn = new CheckInDesk(db, docs.Package, tokens, activity, pace, options.Time, room, log, docs.Config.ActivationLifetime());
        var reissue = new ReissueDesk(db, docs.Package, tokens, log, options.Time);
        void MapDesk(IEndpointRouteBuilder desk, IEndpointRouteBuilder readers, bool kiosk)
        {
            OfficialEndpoints.MapSignIn(readers, sessions, cards, challenges, kiosk);
            OfficialEndpoints.MapUnlock(desk, sessions, cards, lifting);
            // Issue 7 point 6: the polls-open guard once, as a filter on the groups that need open
            // polls; the desk's sign-in runs first (rules.md R8), then the gate (section 2.5).
            // Issue 11 point 1: what changes state (confirm, reissue) also needs the card present now.
            var deskWhilePollsOpen = desk.MapGroup("")
                .AddEndpointFilter(new DeskSignInFilter(sessions, cards, DeskPermit.Desk, request => request.Path != ServerRoutes.CheckInLookup))
                .AddEndpointFilter(new OpenPollsFilter(gate));
            CheckInEndpoints.Map(deskWhilePollsOpen, checkIn, reissue);
            DeskPage.MapActivationQr(desk, sessions, cards, moduleId);
            PollsEndpoints.Map(desk.MapGroup("").AddEndpointFilter(new DeskSignInFilter(sessions, cards, DeskPermit.OpenAndClose, DeskSignInFilter.Always)), polls);
            ReportEndpoints.Map(readers, readers.MapGroup("").AddEndpointFilter(new DeskSignInFilter(sessions, cards, DeskPermit.Read, DeskSignInFilter.Never)),
                moduleId, db, pace, archive, log);
            readers.MapGet(ServerRoutes.Terminals, async (CancellationToken cancel) => HttpJson.Ok(await watch.Look(cancel)));
        }

        // The server's own screen: the desk page and its API on the kiosk face (loopback).
        MapDesk(app, app, kiosk: true);
        DeskPage.ServeFiles(app);
        // Issue 8 point 1: the same endpoints on the LAN face, each group for one kind of paired
        // device named by its certificate. A desk console proves the machine; the desk's sign-in
        // (credential + PIN) still proves the official. Observers' consoles only read.
        MapDesk(lan.MapGroup("").AddEndpointFilter(LanPeerFilter.DeskConsoles(devices, log)),
            lan.MapGroup("").AddEndpointFilter(LanPeerFilter.Readers(devices, log)), kiosk: false);
        // Terminals redeem on the LAN face only, and only as the terminal their certificate proves.
        var terminalsWhilePollsOpen = lan.MapGroup("").AddEndpointFilter(LanPeerFilter.Terminals(devices, log))
            .AddEndpointFilter(new OpenPollsFilter(gate));
        ActivationEndpoints.Map(terminalsWhilePollsOpen, new RedemptionDesk(docs.TerminalKeys, db, tokens, docs.ServerKey, log,
            activity, options.Time, docs.Config.ActivationLifetime()));
        // Issue 10 point 3: count reports, from paired terminals only, whatever the polls state.
        CountReportEndpoints.Map(lan.MapGroup("").AddEndpointFilter(LanPeerFilter.Terminals(devices, log)),
            new CountReportDesk(devices.Peers, moduleId, docs.PackageHash, db, log));
        app.Lifetime.ApplicationStopped.Register(http.Dispose);
    }

    private static Parsed<ModuleServerFaces> Refuse(EventLog log, string reason)
    {
        log.Append("module-server-refused", null, new() { ["reason"] = reason });
        log.Dispose();
        return Parsed<ModuleServerFaces>.Fail(reason);
    }

    // Before the config verifies there is no trusted module id or time zone: the refusal is
    // still logged (rules.md R7), under a neutral device name and UTC.
    private static void LogRefusal(ModuleServerOptions options, string reason)
    {
        using var log = new EventLog(Path.Combine(options.DataDir, EventLogFile), "module-server", new ModuleClock(TimeZoneInfo.Utc, options.Time));
        log.Append("module-server-refused", null, new() { ["reason"] = reason });
    }
}
