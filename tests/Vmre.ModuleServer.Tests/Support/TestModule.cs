using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Vmre.Common.Election;
using Vmre.Common.Lnere;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Hosting;

namespace Vmre.ModuleServer.Tests.Support;

/// <summary>
/// One module in a temporary directory: the authority signs the package, slice and config;
/// fake terminals are paired by their public keys; the real server runs on loopback.
/// </summary>
public sealed class TestModule : IAsyncDisposable
{
    public const string Pin = "2468";

    /// <summary>Every official's card (issue 11 point 1), each with PIN <see cref="Pin"/>; the config lists their public keys.</summary>
    public static readonly (string Credential, OfficialRole Role)[] Officials =
    [
        ("PRES-01", OfficialRole.Presidente), ("SEC-01", OfficialRole.Secretario), ("ESC-01", OfficialRole.Escrutador),
        ("TEC-01", OfficialRole.Technician), ("OBS-01", OfficialRole.Observer),
    ];

    public Dictionary<string, TestCard> Cards { get; } = Officials.ToDictionary(o => o.Credential, o => new TestCard(o.Credential, Pin));

    /// <summary>The server's desk reader (--desk-reader), in-process: tests place a card on it.</summary>
    public TestDeskReader DeskReader { get; } = new();

    /// <summary>Which card proves each session's presence (the console-reader way: a header per state change).</summary>
    private readonly Dictionary<string, TestCard> _sessionCards = new(StringComparer.Ordinal);

    private readonly TempDir _dir = new();

    private TestModule(int terminals)
    {
        Terminals = Enumerable.Range(1, terminals).Select(i => new FakeTerminal($"T{i}")).ToList();
        ServerPublicKeyPem = ServerKey.PublicKeyPem;
    }

    /// <summary>
    /// The server signs in the TPM at <paramref name="tcti"/>, provisioned in this folder, whose
    /// public key <paramref name="pinnedPem"/> the config is re-signed to pin (null: keep pinning
    /// <see cref="ServerKey"/>, a TPM that is not the paired one).
    /// </summary>
    public void UseTpm(string tcti, string? pinnedPem)
    {
        Tcti = tcti;
        if (pinnedPem is null) return;
        ServerPublicKeyPem = pinnedPem;
        Sign(DocumentKinds.ModuleConfig, Config(), "module-config.signed.json");
    }

    public string Dir => _dir.Path;
    public SoftwareSigningKey Authority { get; } = SoftwareSigningKey.Generate();
    /// <summary>The server's key, supplied in-process in place of its TPM (ModuleServerOptions.ServerKey); StartupTests run the real one on swtpm.</summary>
    public SoftwareSigningKey ServerKey { get; } = SoftwareSigningKey.Generate();
    /// <summary>
    /// The server key the config pins and terminals check: <see cref="ServerKey"/>'s, or the TPM's
    /// once <see cref="UseTpm"/> switched the server onto a provisioned swtpm.
    /// </summary>
    public string ServerPublicKeyPem { get; private set; } = "";
    /// <summary>The server's TPM (--tcti) when it signs in a real swtpm rather than with <see cref="ServerKey"/>.</summary>
    public string? Tcti { get; private set; }
    public ElectionPackage Package { get; } = TestElection.Package();
    public string PackageHash { get; private set; } = "";
    public string SliceHash { get; private set; } = "";
    public List<FakeTerminal> Terminals { get; }
    public RecordingPrinter Printer { get; } = new();
    /// <summary>The running server's two faces (issue 8): the desk on the kiosk face, terminals on the LAN face.</summary>
    public Vmre.ModuleServer.Faces.ModuleServerFaces? App { get; private set; }
    /// <summary>A client on the kiosk face (loopback): the desk on the server's own screen.</summary>
    public HttpClient Http { get; private set; } = new();
    private readonly Dictionary<string, HttpClient> _terminalHttp = [];
    private readonly Dictionary<string, Vmre.Common.Lan.LanIdentity> _terminalLeaf = [];

    public static async Task<TestModule> Prepare(int terminals = 2)
    {
        var module = new TestModule(terminals);
        foreach (var t in module.Terminals)
        {
            await t.Start(() => PublicKey.FromPem(module.ServerPublicKeyPem), () => module.PackageHash);
            t.ReportAtClose = report => CountReportSender.Send(module, t.Id, report);
        }
        module.WriteInputs();
        return module;
    }

    public static async Task<TestModule> Started(int terminals = 2)
    {
        var module = await Prepare(terminals);
        await module.Start();
        return module;
    }

    /// <summary>A redemption request as the named terminal's TPM would sign it (an unknown id signs with a fresh key).</summary>
    public Vmre.Common.Protocol.RedeemRequest Redeem(string token, string terminalId) =>
        Vmre.Common.Protocol.RedeemRequest.Sign(token, terminalId,
            (ISigner?)Terminals.FirstOrDefault(t => t.Id == terminalId)?.Key ?? SoftwareSigningKey.Generate());

    public ModuleConfig Config(string? serverPem = null) => new(
        ModuleConfig.FormatV3, TestElection.ModuleId, "MRV Chicago (prueba)", "America/Chicago", TestElection.ElectionId,
        PackageHash, serverPem ?? ServerPublicKeyPem,
        Terminals.Select(t => new TerminalEntry(t.Id, t.Key.PublicKeyPem)).ToArray(),
        Officials.Select(o => new OfficialEntry(o.Credential, o.Role, o.Credential, Cards[o.Credential].PublicKeyPem)).ToArray(),
        WalkInCap: 0, SliceHash: SliceHash, ActivationMinutes: ModuleConfig.DefaultActivationMinutes, Consoles: []);

    /// <summary>--desk-idle-minutes.</summary>
    public TimeSpan DeskIdle { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The server's clock: the system's, or a scripted one a test moves (ModuleServerOptions.Time).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public void WriteInputs()
    {
        File.WriteAllText(Path.Combine(Dir, "authority.pub.pem"), Authority.PublicKeyPem);
        var package = SignedDocument.Create(DocumentKinds.ElectionPackage, Package, Authority);
        package.WriteFile(Path.Combine(Dir, "election-package.signed.json"));
        PackageHash = Vmre.Common.Election.PackageHash.Of(package.PayloadBytes());
        var slice = SignedDocument.Create(DocumentKinds.LnereSlice, TestElection.Slice(), Authority);
        slice.WriteFile(Path.Combine(Dir, "lnere-slice.signed.json"));
        SliceHash = Vmre.Common.Signing.ContentHash.Of(slice.PayloadBytes());
        Sign(DocumentKinds.ModuleConfig, Config(), "module-config.signed.json");
    }

    public void Sign<T>(string kind, T body, string file, ISigner? signer = null) =>
        SignedDocument.Create(kind, body, signer ?? Authority).WriteFile(Path.Combine(Dir, file));

    public ModuleServerOptions Options() => new(Dir, "http://127.0.0.1:0", "https://127.0.0.1:0")
    {
        Printer = Printer,
        TerminalUrls = Terminals.ToDictionary(t => t.Id, t => t.Url),
        TerminalTimeout = TimeSpan.FromSeconds(10),
        Time = Time,
        DeskReader = DeskReader,
        DeskIdle = DeskIdle,
        Tcti = Tcti ?? CommandLine.DefaultTcti,
        ServerKey = Tcti is null ? ServerKey : null,
        DiskReserveMb = DiskReserveMb,
    };

    /// <summary>--disk-reserve-mb for the server (issue 11 point 2); the Edges tests run on a small tmpfs.</summary>
    public int DiskReserveMb { get; set; } = ModuleServerOptions.DefaultDiskReserveMb;

    public Parsed<Vmre.ModuleServer.Faces.ModuleServerFaces> Build() => ModuleServerApp.Build(Options());

    public async Task Start()
    {
        var built = Build();
        Assert.True(built.IsOk, built.Error);
        App = built.Value!;
        await App.StartAsync();
        Http.Dispose();
        Http = new HttpClient { BaseAddress = new Uri(App.KioskUrl) };
        ForgetTerminalClients();
    }

    public async Task Stop()
    {
        if (App is null) return;
        await App.StopAsync();
        await App.DisposeAsync();
        App = null;
        ForgetTerminalClients();
    }

    /// <summary>
    /// A client on the server's LAN face as the paired terminal dials it: mutual TLS with a leaf
    /// certified by that terminal's key, the server pinned by its key (issue 8 point 2).
    /// </summary>
    public HttpClient TerminalHttp(string terminalId)
    {
        lock (_terminalHttp)
        {
            if (_terminalHttp.TryGetValue(terminalId, out var http)) return http;
            var key = Terminals.Single(t => t.Id == terminalId).Key;
            var identity = Vmre.Common.Lan.LanIdentity.Mint(terminalId, key, TimeProvider.System);
            var server = new Vmre.Common.Lan.PairedPeers(new Dictionary<string, PublicKey> { [TestElection.ModuleId] = PublicKey.FromPem(ServerPublicKeyPem) });
            http = new HttpClient(Vmre.Common.Lan.LanTls.ClientHandler(identity, server, _ => { }))
                { BaseAddress = new Uri(App?.LanUrl ?? throw new InvalidOperationException("start the server first")) };
            _terminalHttp[terminalId] = http;
            _terminalLeaf[terminalId] = identity;
            return http;
        }
    }

    /// <summary>The leaf <see cref="TerminalHttp"/> presents for that terminal (issue 10 point 3: count reports are signed with it).</summary>
    public Vmre.Common.Lan.LanIdentity TerminalLeaf(string terminalId)
    {
        TerminalHttp(terminalId);
        lock (_terminalHttp) return _terminalLeaf[terminalId];
    }

    /// <summary>A device that is not paired (its own fresh key) dialling the LAN face as <paramref name="deviceId"/>.</summary>
    public HttpClient StrangerHttp(string deviceId)
    {
        var identity = Vmre.Common.Lan.LanIdentity.Mint(deviceId, SoftwareSigningKey.Generate(), TimeProvider.System);
        var server = new Vmre.Common.Lan.PairedPeers(new Dictionary<string, PublicKey> { [TestElection.ModuleId] = PublicKey.FromPem(ServerPublicKeyPem) });
        return new HttpClient(Vmre.Common.Lan.LanTls.ClientHandler(identity, server, _ => { }))
            { BaseAddress = new Uri(App?.LanUrl ?? throw new InvalidOperationException("start the server first")) };
    }

    /// <summary>The module server's API as a paired terminal calls it (redemption), over the LAN face.</summary>
    public ModuleServerClient Terminal(string terminalId) => new(TerminalHttp(terminalId));

    private void ForgetTerminalClients()
    {
        lock (_terminalHttp)
        {
            foreach (var http in _terminalHttp.Values) http.Dispose();
            _terminalHttp.Clear();
            _terminalLeaf.Clear();
        }
    }

    public async Task<(int Status, T? Body)> Post<T>(string path, object body, string? bearer = null) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(VmreJson.Bytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (bearer is not null && path != ServerRoutes.CheckInLookup && CardOf(bearer) is { } card)
            request.Headers.Add(CardPresenceHeader.Name, card.PresenceHeader((await Client().Challenge()).ValueOrThrow()));
        // Redemption is a terminal's call: it goes over the LAN face as the terminal the request names.
        var http = body is RedeemRequest redeem && Terminals.Any(t => t.Id == redeem.TerminalId) ? TerminalHttp(redeem.TerminalId) : Http;
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var parsed = VmreJson.Parse<T>(bytes);
        return ((int)response.StatusCode, parsed.IsOk ? parsed.Value : null);
    }

    /// <summary>The module server's API as the desk and the terminals call it (issue 7: one typed client).</summary>
    public ModuleServerClient Client(string? bearer = null) => new(Http)
    {
        Bearer = bearer,
        CardPresence = bearer is not null && CardOf(bearer) is { } card ? issued => Task.FromResult<string?>(card.PresenceHeader(issued)) : null,
    };

    private TestCard? CardOf(string bearer)
    {
        lock (_sessionCards) return _sessionCards.GetValueOrDefault(bearer);
    }

    public async Task<ModuleStatus> Status() => (await Client().Status()).ValueOrThrow();

    public async Task<Vmre.Common.Acta.Acta> Acta() => (await Client().Acta()).ValueOrThrow();

    public async Task<List<TerminalSighting>> Sightings() => (await Client().Terminals()).ValueOrThrow();

    /// <summary>
    /// Signs the official in with their card's answer to a server challenge (the desk console's
    /// way, issue 11 design §3); the session's later state changes carry that card's presence.
    /// </summary>
    public async Task<string> SignIn(string credential = "PRES-01")
    {
        var session = await SignInWith(Cards[credential], Pin);
        Assert.True(session.IsOk, session.Error);
        return session.Value!.Token;
    }

    /// <summary>
    /// A desk console's client (or any face's) signed in with that card's answer to a challenge, whose
    /// state changes carry the card's presence: what a console with its own reader does.
    /// </summary>
    public static async Task<ModuleServerClient> SignedInClient(HttpClient http, TestCard card, string typed = Pin)
    {
        var client = new ModuleServerClient(http);
        var challenge = (await client.Challenge()).ValueOrThrow();
        var session = (await client.SignIn(new OfficialSignIn(CardAnswer: card.Answer(challenge, typed)))).ValueOrThrow();
        client.Bearer = session.Token;
        client.CardPresence = issued => Task.FromResult<string?>(card.PresenceHeader(issued));
        return client;
    }

    /// <summary>One sign-in attempt with that card and typed PIN.</summary>
    public async Task<Parsed<OfficialSession>> SignInWith(TestCard card, string typed)
    {
        var challenge = (await Client().Challenge()).ValueOrThrow();
        var session = await Client().SignIn(new OfficialSignIn(CardAnswer: card.Answer(challenge, typed)));
        if (session.IsOk)
            lock (_sessionCards) _sessionCards[session.Value!.Token] = card;
        return session;
    }

    public async Task OpenPolls()
    {
        var opened = await Client(await SignIn("PRES-01")).OpenPolls();
        Assert.True(opened.IsOk, opened.Error);
        Assert.Equal(PollsState.Open, opened.Value!.State);
    }

    /// <summary>Checks a voter in and returns the activation token.</summary>
    public async Task<string> CheckIn(string token, string clave)
    {
        var confirm = (await Client(token).ConfirmCheckIn(CheckInConfirmRequest.Fresh(clave))).ValueOrThrow();
        Assert.Equal(CheckInOutcome.Activated, confirm.Outcome);
        return confirm.ActivationToken!;
    }

    public string[] LogLines() =>
        File.ReadAllLines(Path.Combine(Dir, "events.jsonl"));

    public async ValueTask DisposeAsync()
    {
        await Stop();
        foreach (var t in Terminals) await t.DisposeAsync();
        Http.Dispose();
        foreach (var card in Cards.Values) card.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
