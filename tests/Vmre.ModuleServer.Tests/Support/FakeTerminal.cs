using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Vmre.Common.Closing;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.ModuleServer.Tests.Support;

/// <summary>
/// A voting terminal as the module server sees it: answers /api/module/command with a zero
/// report or closing record signed by its key (software here; the real one is in the TPM).
/// It checks the command as the real terminal does (issue 8 point 3): signed by the module
/// server, format v2, answering a challenge it issued (single use), for the module's package,
/// with a sequence above the last it accepted (kept for the life of this fake, across server restarts).
/// It serves its LAN face as the real one does: https, mutual TLS with the module server's key only.
/// </summary>
public sealed class FakeTerminal : IAsyncDisposable
{
    private WebApplication? _app;
    private Vmre.Common.Lan.LanIdentity? _identity;

    public FakeTerminal(string id) => Id = id;

    public string Id { get; }
    public SoftwareSigningKey Key { get; } = SoftwareSigningKey.Generate();
    public string Url { get; private set; } = "";

    /// <summary>The key the answers are signed with: set another to forge.</summary>
    public ISigner? SignWith { get; set; }

    public Func<ZeroReport, ZeroReport> EditZeroReport { get; set; } = z => z;
    public Func<ClosingRecord, ClosingRecord> EditClosingRecord { get; set; } = r => r;
    public int VotesSealed { get; set; }
    public int TestigosPrinted { get; set; }
    public int TestigosVoided { get; set; }
    public int ActivationsRedeemed { get; set; }
    public int SessionsWithoutVote { get; set; }
    public List<ContestTally> Contests { get; set; } = [];
    /// <summary>Closing record v3's votes per ballot style; null derives them from <see cref="Contests"/> (each invented style has one contest).</summary>
    public List<StyleVotes>? VotesByStyle { get; set; }
    public int VoidMarksOwed { get; set; }
    public int AcceptanceMarksOwed { get; set; }
    public int AcceptanceMarksTorn { get; set; }
    /// <summary>Closing record v4's store findings (issue 10 point 2): none, a whole store.</summary>
    public List<IntegrityFinding> StoreFindings { get; set; } = [];
    /// <summary>
    /// How the terminal sends its count report at polls close, before it signs the record (issue 10
    /// point 3), as the real one does; the module sets it. Null, or <see cref="SendsCloseReport"/>
    /// false, plays a terminal whose report never arrived.
    /// </summary>
    public Func<CountReport, Task>? ReportAtClose { get; set; }
    public bool SendsCloseReport { get; set; } = true;
    private long _countSequence;

    private List<StyleVotes> StyleVotesOrDerived() => VotesByStyle ?? TestElection.Package().BallotStyles
        .Select(s => new StyleVotes(s.Id, Contests.Where(c => c.ContestId == s.ContestIds[0]).Sum(c => c.Total)))
        .Where(s => s.Votes > 0).ToList();
    public List<ModuleCommand> Received { get; } = [];
    /// <summary>Every challenge handed out, in order; an outstanding one is taken by the command that answers it.</summary>
    public List<string> Issued { get; } = [];
    private readonly HashSet<string> _outstanding = [];
    private long _lastSequence;
    /// <summary>What POST /api/module/challenge answers: set another to play a terminal that gives no valid challenge.</summary>
    public Func<ModuleChallenge, ModuleChallenge> EditChallenge { get; set; } = c => c;
    /// <summary>What GET /api/state answers (the desk's view of this terminal).</summary>
    public TerminalState State { get; set; } = new("T?", "Open", "Idle", null);

    public async Task Start(Func<PublicKey> serverKey, Func<string> packageHash)
    {
        var builder = WebApplication.CreateSlimBuilder();
        _identity = Vmre.Common.Lan.LanIdentity.Mint(Id, Key, TimeProvider.System);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen =>
            listen.UseHttps(new Microsoft.AspNetCore.Server.Kestrel.Https.TlsHandshakeCallbackOptions
            {
                // The server's key is known only once the module's inputs are written: read it per handshake.
                OnConnection = _ => ValueTask.FromResult(Vmre.Common.Lan.LanTls.ServerOptions(_identity,
                    new Vmre.Common.Lan.PairedPeers(new Dictionary<string, PublicKey> { [TestElection.ModuleId] = serverKey() }), _ => { })),
            })));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapGet(TerminalRoutes.State, () => Results.Json(State with { TerminalId = Id }, VmreJson.Options));
        _app.MapPost(TerminalRoutes.ModuleChallenge, () =>
        {
            var challenge = ModuleChallenge.Fresh();
            lock (Received) { Issued.Add(challenge.Nonce); _outstanding.Add(challenge.Nonce); }
            return Results.Json(EditChallenge(challenge), VmreJson.Options);
        });
        _app.MapPost(TerminalRoutes.ModuleCommand, async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var command = SignedDocument.ParseEnvelope(buffer.ToArray())
                .Then(d => d.Open<ModuleCommand>(DocumentKinds.ModuleCommand, serverKey()))
                .Then(ModuleCommandReader.Read);
            if (!command.IsOk) return Results.BadRequest(command.Error);
            var c = command.Value!;
            lock (Received)
            {
                if (!_outstanding.Remove(c.Nonce)) return Results.Conflict(new ErrorBody("replayed command: its challenge is unknown or used"));
                if (c.PackageHash != packageHash()) return Results.Conflict(new ErrorBody("command is for another election package"));
                if (c.Sequence <= _lastSequence)
                    return Results.Conflict(new ErrorBody($"out-of-sequence command: sequence {c.Sequence} is not above the last accepted {_lastSequence}"));
                _lastSequence = c.Sequence!.Value;
                Received.Add(c);
            }
            var signer = SignWith ?? Key;
            if (c.Command == ModuleCommandKind.Close && SendsCloseReport && ReportAtClose is not null)
                await ReportAtClose(new CountReport(CountReport.FormatV1, Id, c.ModuleId, packageHash(), Interlocked.Increment(ref _countSequence),
                    VotesSealed, SessionsWithoutVote, ActivationsRedeemed));
            var answer = c.Command switch
            {
                ModuleCommandKind.ZeroReport => SignedDocument.Create(DocumentKinds.ZeroReport,
                    EditZeroReport(new ZeroReport(ZeroReport.FormatV1, Id, c.ModuleId, packageHash(), "soft-hash", "2023-06-04T14:00:00Z",
                        "2023-06-04T09:00:00-05:00", c.Nonce, 0, 0, 0, [])), signer),
                ModuleCommandKind.Close => SignedDocument.Create(DocumentKinds.ClosingRecord,
                    EditClosingRecord(new ClosingRecord(ClosingRecord.FormatV4, Id, c.ModuleId, packageHash(),
                        "2023-06-04T23:00:00Z", "2023-06-04T18:00:00-05:00", c.Nonce, VotesSealed, TestigosPrinted,
                        TestigosVoided, ActivationsRedeemed, Contests, "log-head", SessionsWithoutVote,
                        StyleVotesOrDerived(), VoidMarksOwed, AcceptanceMarksOwed, AcceptanceMarksTorn, StoreFindings)), signer),
                _ => throw new ArgumentOutOfRangeException(),
            };
            return Results.Bytes(VmreJson.Bytes(answer), "application/json");
        });
        await _app.StartAsync();
        Url = _app.Urls.First().Replace("http://", "https://");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _identity?.Dispose();
    }
}
