using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Terminal.Reports;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Commands;

/// <summary>
/// Issue 8 point 3 at the terminal's desk (real SQLite, log and printer emulator; a software key
/// for the TPM): each refusal is specific, logged as <c>module-command-refused</c>, and obeys nothing.
/// </summary>
public sealed class CommandAdmissionTests : IDisposable
{
    private readonly BoothRig _rig = new();

    private string Challenge() => _rig.Desk.Challenge().Nonce;

    private void AssertRefusedAndLogged(SignedDocument command, string reason)
    {
        var result = _rig.Desk.Handle(command);
        Assert.False(result.IsOk);
        Assert.Equal(reason, result.Error);
        Assert.Equal(reason, RefusalLog.Reasons(_rig.DataDir)[^1]);
        Assert.Equal(TerminalPolls.NotOpen, _rig.Booth.View.Polls);
    }

    [Fact]
    public void A_command_for_another_terminal_or_module_is_refused()
    {
        AssertRefusedAndLogged(_rig.Election.Command(ModuleCommandKind.ZeroReport, Challenge(), terminalId: "T-CHI-02"),
            "command addressed to MRV-CHI/T-CHI-02");
        AssertRefusedAndLogged(_rig.Election.Command(ModuleCommandKind.ZeroReport, Challenge(), moduleId: "MRV-DAL"),
            "command addressed to MRV-DAL/T-CHI-01");
    }

    [Fact]
    public void A_command_signed_by_another_key_is_refused()
    {
        var forged = _rig.Election.Command(ModuleCommandKind.ZeroReport, Challenge(), SoftwareSigningKey.Generate());
        var result = _rig.Desk.Handle(forged);
        Assert.StartsWith("command refused: signed by key", result.Error);
        Assert.StartsWith("command refused: signed by key", RefusalLog.Reasons(_rig.DataDir).Single());
    }

    [Fact]
    public void A_version_1_command_is_refused_by_name_even_when_signed_by_the_server()
    {
        var v1 = new ModuleCommand(ModuleCommand.FormatV1, ModuleCommandKind.ZeroReport, TestElection.ModuleId, TestElection.TerminalId, Challenge());
        AssertRefusedAndLogged(SignedDocument.Create(DocumentKinds.ModuleCommand, v1, _rig.Election.Server), ModuleCommandReader.V1Superseded);
    }

    [Fact]
    public void A_nonce_the_terminal_never_issued_is_refused_as_a_replay()
    {
        AssertRefusedAndLogged(_rig.Election.Command(ModuleCommandKind.ZeroReport, TestElection.NewNonce()),
            "replayed command: its challenge is unknown to this terminal (never issued, superseded, long expired or issued before a restart)");
    }

    [Fact]
    public void A_command_answering_an_expired_challenge_is_refused_whatever_the_wall_clock_says()
    {
        // Only the monotonic clock moves; the wall clock stands still.
        var ticks = new SteppedTicks();
        var desk = new ModuleCommandDesk(_rig.Installed, new Vmre.Terminal.Setup.TerminalIdentity(TestElection.TerminalId, _rig.DeviceKey.PublicKeyPem),
            _rig.Booth.Polls, _rig.Port, _rig.DeviceKey, _rig.Log, _rig.Clock, _rig.DataDir, ticks);
        var challenge = desk.Challenge().Nonce;
        ticks.Advance(CommandChallenges.Lifetime + TimeSpan.FromSeconds(1));

        var result = desk.Handle(_rig.Election.Command(ModuleCommandKind.ZeroReport, challenge));

        Assert.Equal("stale command: its challenge expired (60 s after it was issued)", result.Error);
        Assert.Equal(result.Error, RefusalLog.Reasons(_rig.DataDir).Single());
        Assert.Equal(TerminalPolls.NotOpen, _rig.Booth.View.Polls);
        var fresh = desk.Handle(_rig.Election.Command(ModuleCommandKind.ZeroReport, desk.Challenge().Nonce));
        Assert.True(fresh.IsOk, fresh.Error);
    }

    [Fact]
    public void Outstanding_challenges_are_bounded_and_the_oldest_is_forgotten_first()
    {
        var oldest = Challenge();
        var newest = Enumerable.Range(0, CommandChallenges.Capacity).Select(_ => Challenge()).ToArray()[^1];

        Assert.StartsWith("replayed command: its challenge is unknown",
            _rig.Desk.Handle(_rig.Election.Command(ModuleCommandKind.ZeroReport, oldest)).Error);
        var fresh = _rig.Desk.Handle(_rig.Election.Command(ModuleCommandKind.ZeroReport, newest));
        Assert.True(fresh.IsOk, fresh.Error);
    }

    [Fact]
    public void Every_challenge_is_new_128_bits_in_lowercase_hex()
    {
        var challenges = Enumerable.Range(0, 20).Select(_ => Challenge()).ToArray();
        Assert.All(challenges, c => Assert.Matches("^[0-9a-f]{32}$", c));
        Assert.Equal(challenges.Length, challenges.Distinct().Count());
    }

    /// <summary>A monotonic clock the test moves; its wall clock never changes.</summary>
    private sealed class SteppedTicks : TimeProvider
    {
        private static readonly DateTimeOffset Fixed = new(2026, 6, 7, 15, 0, 0, TimeSpan.Zero);
        private long _ticks;
        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
        public override DateTimeOffset GetUtcNow() => Fixed;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Interlocked.Read(ref _ticks);
    }

    public void Dispose() => _rig.Dispose();
}
