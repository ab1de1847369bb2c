using Vmre.Common.Closing;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Closing;

/// <summary>Opening and closing at the terminal: only the module server's signed commands; signed answers.</summary>
public sealed class ModuleCommandDeskTests : IDisposable
{
    private readonly BoothRig _rig = new();
    private PublicKey DeviceKey => PublicKey.FromPem(_rig.DeviceKey.PublicKeyPem);

    [Fact]
    public void A_command_signed_by_another_key_is_refused()
    {
        var forged = _rig.Election.Command(ModuleCommandKind.ZeroReport, _rig.Desk.Challenge().Nonce, SoftwareSigningKey.Generate());
        var result = _rig.Desk.Handle(forged);
        Assert.False(result.IsOk);
        Assert.StartsWith("command refused: signed by key", result.Error);
        Assert.Equal(TerminalPolls.NotOpen, _rig.Booth.View.Polls);
        Assert.False(_rig.Desk.Handle(null).IsOk);
        Assert.Contains("module-command-refused", _rig.LogText);
    }

    [Fact]
    public void A_zero_report_on_a_fresh_terminal_is_all_zero_signed_printed_and_opens_the_polls()
    {
        var challenge = _rig.Desk.Challenge().Nonce;
        var result = _rig.Desk.Handle(_rig.Election.Command(ModuleCommandKind.ZeroReport, challenge));
        Assert.True(result.IsOk, result.Error);
        Assert.Equal(DocumentKinds.ZeroReport, result.Value!.Kind);
        var report = result.Value.Open<ZeroReport>(DocumentKinds.ZeroReport, DeviceKey).ValueOrThrow();
        Assert.True(report.AllZero);
        Assert.Empty(report.SelfTestFailures);
        Assert.Equal(challenge, report.CommandNonce);
        Assert.Equal(_rig.Election.PackageHash, report.PackageHash);
        Assert.Equal(TerminalPolls.Open, _rig.Booth.View.Polls);
        var paper = Assert.Single(_rig.Tray.WaitFor(1));
        Assert.Contains("REPORTE DE INICIO", paper.Text);
        Assert.False(result.Value.Open<ZeroReport>(DocumentKinds.ZeroReport, PublicKey.FromPem(_rig.Election.Server.PublicKeyPem)).IsOk);
    }

    [Fact]
    public void Close_after_one_vote_signs_a_record_with_the_vote_and_the_log_head()
    {
        Assert.True(_rig.Desk.Handle(_rig.Command(ModuleCommandKind.ZeroReport)).IsOk);
        _rig.Vote("E05", ("GOB-05", ["PRD", "PAN"], null));
        var challenge = _rig.Desk.Challenge().Nonce;
        var result = _rig.Desk.Handle(_rig.Election.Command(ModuleCommandKind.Close, challenge));
        Assert.True(result.IsOk, result.Error);
        var record = result.Value!.Open<ClosingRecord>(DocumentKinds.ClosingRecord, DeviceKey).ValueOrThrow();
        Assert.Equal(1, record.VotesSealed);
        Assert.Equal(1, record.TestigosPrinted);
        Assert.Equal(1, record.ActivationsRedeemed);
        Assert.Equal(challenge, record.CommandNonce);
        var gob05 = record.Contests.Single(c => c.ContestId == "GOB-05");
        Assert.Equal(1, gob05.Lines.Single(l => l.Key == "PAN+PRD").Count);
        Assert.Equal(1, gob05.Total);
        Assert.Equal(0, record.Contests.Single(c => c.ContestId == "GOB-15").Total);
        // The record carries the head of the log when it was signed; after it come the log's own
        // note that the record was signed, chained on exactly that head, and then log-sealed.
        var lines = File.ReadAllLines(_rig.LogPath);
        Assert.Contains("\"closing-record-signed\"", lines[^2]);
        Assert.Contains($"\"prev\":\"{record.LogHead}\"", lines[^2]);
        Assert.EndsWith($"\"hash\":\"{record.LogHead}\"}}", lines[^3]);
        Assert.True(Vmre.Common.Logging.EventLogVerifier.VerifyFile(_rig.LogPath).IsOk);
        // rules.md R5 and R7: the log up to closing-record-signed is sealed with the device key;
        // log-sealed is the one line after the seal.
        Assert.Contains("\"log-sealed\"", lines[^1]);
        var seal = Vmre.Common.Logging.LogSealVerifier.Verify(_rig.LogPath, Path.Combine(_rig.DataDir, "events.seal.json"), DeviceKey);
        Assert.True(seal.IsOk, seal.Error);
        Assert.Equal(new Vmre.Common.Logging.LogSealCheck(lines.Length - 1, 1), seal.Value);
        Assert.Equal(TerminalPolls.Closed, _rig.Booth.View.Polls);
        Assert.Equal("the polls are not open at this terminal", _rig.Booth.Voter.Activate(_rig.Election.Activation("E05")).Error);
        Assert.Equal("polls already closed at this terminal",
            _rig.Desk.Handle(_rig.Command(ModuleCommandKind.ZeroReport)).Error);
    }

    [Fact]
    public void A_zero_report_after_a_vote_is_not_all_zero_and_does_not_reopen()
    {
        Assert.True(_rig.Desk.Handle(_rig.Command(ModuleCommandKind.ZeroReport)).IsOk);
        _rig.Vote("E15", ("GOB-15", ["MORENA"], null));
        _rig.Booth.Polls.SetPolls(TerminalPolls.NotOpen); // e.g. a terminal whose polls state was reset by hand
        var result = _rig.Desk.Handle(_rig.Command(ModuleCommandKind.ZeroReport));
        Assert.True(result.IsOk, result.Error);
        var report = result.Value!.Open<ZeroReport>(DocumentKinds.ZeroReport, DeviceKey).ValueOrThrow();
        Assert.False(report.AllZero);
        Assert.Equal(1, report.VotesSealed);
        Assert.Equal(TerminalPolls.NotOpen, _rig.Booth.View.Polls);
        Assert.Contains("zero-report-not-zero", _rig.LogText);
        var papers = _rig.Tray.WaitFor(3);
        Assert.Contains("CONTADORES", papers[^1].Text);
    }

    public void Dispose() => _rig.Dispose();
}
