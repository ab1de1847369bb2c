using Vmre.Common.Closing;
using Vmre.Common.Lan;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.Common.Time;
using Vmre.Terminal.Counts;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests.Counts;

/// <summary>
/// Issue 10 point 3, the terminal's side: a count report after every 8th ended session, never after
/// each (the server must not tie an outcome to the voter it just checked in, rules.md R3), after
/// recovery and at polls close; signed with the run's LAN leaf over the real mutual-TLS client; a
/// report that cannot be sent is logged and never blocks a session.
/// </summary>
public sealed class CountReporterTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly TestElection _election = new();
    private readonly SoftwareSigningKey _device = SoftwareSigningKey.Generate();
    private readonly EventLog _log;

    public CountReporterTests() => _log = new EventLog(Path.Combine(_dir.Path, "events.jsonl"), TestElection.TerminalId, new ModuleClock(TimeZoneInfo.Utc));

    private CountReporter Reporter(string serverUrl, LanIdentity leaf)
    {
        var server = new PairedPeers(new Dictionary<string, PublicKey> { [TestElection.ModuleId] = PublicKey.FromPem(_election.Server.PublicKeyPem) });
        var http = new HttpClient(LanTls.ClientHandler(leaf, server, _ => { })) { BaseAddress = new Uri(serverUrl), Timeout = TimeSpan.FromSeconds(10) };
        return new CountReporter(TestElection.TerminalId, TestElection.ModuleId, _election.PackageHash, new LeafKeySigner(leaf.Certificate),
            new ModuleServerClient(http), _log, () => 7);
    }

    /// <summary>Totals after <paramref name="ended"/> sessions: every third one without a vote.</summary>
    private static VoteTotals After(int ended) => new(ended - ended / 3, ended - ended / 3, 0, ended, ended / 3);

    [Fact]
    public async Task A_report_goes_after_the_8th_ended_session_not_after_each_and_at_polls_close()
    {
        await using var server = await CountsStandIn.Start(_election, _device.PublicKeyPem);
        using var leaf = LanIdentity.Mint(TestElection.TerminalId, _device, TimeProvider.System);
        var reporter = Reporter(server.Url, leaf);
        reporter.AfterRecovery(After(0));
        await reporter.Idle();
        Assert.Single(server.Reports);

        for (var ended = 1; ended <= 7; ended++) reporter.SessionEnded(After(ended));
        await reporter.Idle();
        Assert.Single(server.Reports); // seven sessions: nothing told

        reporter.SessionEnded(After(8));
        await reporter.Idle();
        Assert.Equal(2, server.Reports.Count);
        var eighth = server.Reports[1];
        Assert.Equal((6, 2, 8, 7UL), (eighth.Sealed, eighth.SessionsWithoutVote, eighth.ActivationsRedeemed, eighth.StoreEpoch));

        for (var ended = 9; ended <= 15; ended++) reporter.SessionEnded(After(ended));
        await reporter.Idle();
        Assert.Equal(2, server.Reports.Count);
        reporter.SessionEnded(After(16));
        Assert.True(reporter.AtPollsClose(After(16)));
        Assert.Equal(4, server.Reports.Count);
        Assert.Equal([1L, 2, 3, 4], server.Reports.Select(r => r.Sequence)); // strictly rising within the run
        Assert.All(server.Reports, r => Assert.Equal((CountReport.FormatV1, TestElection.TerminalId, TestElection.ModuleId),
            (r.Format, r.TerminalId, r.ModuleId)));
        Assert.Equal(4, File.ReadLines(_log.Path_).Count(l => l.Contains("\"count-report-sent\"")));
    }

    [Fact]
    public async Task A_report_that_cannot_be_sent_is_logged_and_retried_only_at_the_next_cadence_point()
    {
        CountsStandIn? server = await CountsStandIn.Start(_election, _device.PublicKeyPem);
        var url = server.Url;
        await server.DisposeAsync(); // the server is gone: nothing listens there
        using var leaf = LanIdentity.Mint(TestElection.TerminalId, _device, TimeProvider.System);
        var reporter = Reporter(url, leaf);
        reporter.AfterRecovery(After(0));
        reporter.SessionEnded(After(8)); // returns at once: the send runs on its own
        reporter.SessionEnded(After(9)); // not a cadence point: no retry per session (rules.md R3)
        await reporter.Idle();
        Assert.Equal(2, NotSent());
        Assert.False(reporter.AtPollsClose(After(9)));
        Assert.Equal(3, NotSent());
        Assert.DoesNotContain(File.ReadLines(_log.Path_), l => l.Contains("\"count-report-sent\""));
    }

    private int NotSent() => File.ReadLines(_log.Path_).Count(l => l.Contains("\"count-report-not-sent\""));

    public void Dispose()
    {
        _log.Dispose();
        _dir.Dispose();
    }
}
