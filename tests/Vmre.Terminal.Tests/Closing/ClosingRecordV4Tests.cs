using Vmre.Common.Closing;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests.Closing;

/// <summary>
/// Issue 10 points 2 and 3 at the terminal's desk: closing record v4 carries the vote store's
/// integrity findings the host gives it (from VoteVault.IntegrityFindings), and the count report at
/// polls close is sent with the very totals the record states, before the record is signed.
/// </summary>
public sealed class ClosingRecordV4Tests : IDisposable
{
    private readonly BoothRig _rig = new();

    [Fact]
    public void The_record_states_the_store_findings_and_the_close_report_goes_first_with_its_totals()
    {
        var told = new List<VoteTotals>();
        var logLinesAtReport = 0;
        // Found after the polls opened (a store with findings at the zero report keeps them shut: the test below).
        var findings = new List<IntegrityFinding>();
        var desk = new ModuleCommandDesk(_rig.Installed, new TerminalIdentity(TestElection.TerminalId, _rig.DeviceKey.PublicKeyPem),
            _rig.Booth.Polls, _rig.Port, _rig.DeviceKey, _rig.Log, _rig.Clock, _rig.DataDir)
        {
            StoreFindings = () => findings,
            AtPollsClose = totals => { told.Add(totals); logLinesAtReport = File.ReadAllLines(_rig.LogPath).Length; },
        };
        Assert.True(desk.Handle(_rig.Election.Command(ModuleCommandKind.ZeroReport, desk.Challenge().Nonce)).IsOk);
        _rig.Vote("E05", ("GOB-05", ["MORENA"], null));
        findings.Add(new IntegrityFinding("row-altered", "1 row's MAC does not verify"));

        var closed = desk.Handle(_rig.Election.Command(ModuleCommandKind.Close, desk.Challenge().Nonce));
        Assert.True(closed.IsOk, closed.Error);
        var record = closed.Value!.Open<ClosingRecord>(DocumentKinds.ClosingRecord, PublicKey.FromPem(_rig.DeviceKey.PublicKeyPem)).ValueOrThrow();
        Assert.Equal(ClosingRecord.FormatV4, record.Format);
        Assert.Equal([new IntegrityFinding("row-altered", "1 row's MAC does not verify")], record.StoreFindings!);
        var report = Assert.Single(told);
        Assert.Equal((record.VotesSealed, record.SessionsWithoutVote, record.ActivationsRedeemed),
            (report.VotesSealed, report.SessionsWithoutVote, report.ActivationsRedeemed));
        // Sent before the record was signed: no closing-record-signed line yet when it went.
        Assert.DoesNotContain(File.ReadAllLines(_rig.LogPath).Take(logLinesAtReport), l => l.Contains("\"closing-record-signed\""));
        Assert.Contains(File.ReadAllLines(_rig.LogPath), l => l.Contains("\"closing-record-signed\"") && l.Contains("row-altered"));
    }

    [Fact]
    public void A_store_with_findings_fails_the_zero_reports_self_test_and_the_polls_stay_shut()
    {
        var desk = new ModuleCommandDesk(_rig.Installed, new TerminalIdentity(TestElection.TerminalId, _rig.DeviceKey.PublicKeyPem),
            _rig.Booth.Polls, _rig.Port, _rig.DeviceKey, _rig.Log, _rig.Clock, _rig.DataDir)
        {
            StoreFindings = () => [new IntegrityFinding("rollback", "the header's epoch is older than the TPM counter")],
        };
        var answer = desk.Handle(_rig.Election.Command(ModuleCommandKind.ZeroReport, desk.Challenge().Nonce));
        var report = answer.Value!.Open<ZeroReport>(DocumentKinds.ZeroReport, PublicKey.FromPem(_rig.DeviceKey.PublicKeyPem)).ValueOrThrow();
        Assert.Contains(report.SelfTestFailures, f => f.Contains("vote store failed verification: rollback"));
        Assert.NotEqual(Vmre.Terminal.Session.TerminalPolls.Open, _rig.Vault.Polls);
    }

    public void Dispose() => _rig.Dispose();
}
