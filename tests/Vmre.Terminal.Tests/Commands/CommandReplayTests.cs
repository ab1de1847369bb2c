using Vmre.Common.Closing;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Commands;

/// <summary>
/// Issue 8 point 3, the security review's reproductions as regressions: signed module commands
/// sent to the real terminal (TerminalHost on swtpm, over HTTP on loopback) a second time, from a
/// rehearsal, for another package or out of sequence are refused, logged, and change nothing.
/// </summary>
public sealed class CommandReplayTests
{
    [Fact]
    public async Task The_same_signed_zero_report_command_sent_twice_is_obeyed_once_and_the_replay_is_refused_and_logged()
    {
        await using var terminal = new LiveTerminal();
        await terminal.Start();
        var captured = await terminal.SignedCommand(ModuleCommandKind.ZeroReport);

        Assert.True((await terminal.Lan.Command(captured)).IsOk);
        var replay = await terminal.Lan.Command(captured);

        Assert.False(replay.IsOk);
        Assert.Contains("replayed command: its challenge was already used", replay.Error);
        Assert.Equal(["replayed command: its challenge was already used"], RefusalLog.Reasons(terminal.DataDir));
        var papers = terminal.Tray.Settled();
        Assert.Single(papers, p => p.Text.Contains("REPORTE DE INICIO"));
        Assert.Single(RefusalLog.Lines(terminal.DataDir, "zero-report-printed"));
    }

    [Fact]
    public async Task A_captured_close_replayed_after_the_polls_reopen_is_refused_and_the_polls_stay_open()
    {
        await using var terminal = new LiveTerminal();
        await terminal.Start();
        Assert.True((await terminal.Command(ModuleCommandKind.ZeroReport)).IsOk);
        var captured = await terminal.SignedCommand(ModuleCommandKind.Close);
        Assert.True((await terminal.Lan.Command(captured)).IsOk);
        // The polls reopen (a terminal reset by hand, then a fresh zero report), as on the next day.
        terminal.Parts.Booth.Polls.SetPolls(TerminalPolls.NotOpen);
        Assert.True((await terminal.Command(ModuleCommandKind.ZeroReport)).IsOk);
        Assert.Equal("Open", (await terminal.Api.State()).ValueOrThrow().Polls);

        var replay = await terminal.Lan.Command(captured);

        Assert.False(replay.IsOk);
        Assert.Contains("its challenge was already used", replay.Error);
        Assert.Equal("Open", (await terminal.Api.State()).ValueOrThrow().Polls);
        Assert.Contains(RefusalLog.Reasons(terminal.DataDir), r => r.Contains("its challenge was already used"));
    }

    [Fact]
    public async Task A_close_captured_at_a_rehearsal_with_the_same_keys_is_refused_on_election_day()
    {
        SignedDocument captured;
        var election = new TestElection();
        await using (var rehearsal = new LiveTerminal(election: election))
        {
            await rehearsal.Start();
            Assert.True((await rehearsal.Command(ModuleCommandKind.ZeroReport)).IsOk);
            captured = await rehearsal.SignedCommand(ModuleCommandKind.Close);
            Assert.True((await rehearsal.Lan.Command(captured)).IsOk);
        }
        // Election day: a freshly provisioned terminal, same server key, same package, same id.
        await using var terminal = new LiveTerminal(election: election);
        await terminal.Start();
        Assert.True((await terminal.Command(ModuleCommandKind.ZeroReport)).IsOk);

        var replay = await terminal.Lan.Command(captured);

        Assert.False(replay.IsOk);
        Assert.Contains("its challenge is unknown to this terminal", replay.Error);
        Assert.Equal("Open", (await terminal.Api.State()).ValueOrThrow().Polls);
        Assert.Single(RefusalLog.Reasons(terminal.DataDir));
    }

    [Fact]
    public async Task A_command_for_another_election_package_is_refused_and_the_polls_stay_shut()
    {
        await using var terminal = new LiveTerminal();
        await terminal.Start();
        var challenge = (await terminal.Lan.Challenge()).ValueOrThrow().Nonce;
        var otherPackage = new string('a', 64);

        var refused = await terminal.Lan.Command(terminal.Election.Command(ModuleCommandKind.ZeroReport, challenge, packageHash: otherPackage));

        Assert.False(refused.IsOk);
        var reason = $"command is for election package {otherPackage}, this terminal runs {terminal.Election.PackageHash}";
        Assert.Contains(reason, refused.Error);
        Assert.Equal([reason], RefusalLog.Reasons(terminal.DataDir));
        Assert.Equal("NotOpen", (await terminal.Api.State()).ValueOrThrow().Polls);
        Assert.Empty(terminal.Tray.Settled());
    }

    [Fact]
    public async Task An_out_of_sequence_command_is_refused_and_the_accepted_sequence_survives_a_restart()
    {
        await using var terminal = new LiveTerminal();
        await terminal.Start();
        var open = terminal.Election.Command(ModuleCommandKind.ZeroReport, (await terminal.Lan.Challenge()).ValueOrThrow().Nonce, sequence: 7);
        Assert.True((await terminal.Lan.Command(open)).IsOk);

        await terminal.Restart();
        var sameNumber = await terminal.Lan.Command(
            terminal.Election.Command(ModuleCommandKind.Close, (await terminal.Lan.Challenge()).ValueOrThrow().Nonce, sequence: 7));
        var lower = await terminal.Lan.Command(
            terminal.Election.Command(ModuleCommandKind.Close, (await terminal.Lan.Challenge()).ValueOrThrow().Nonce, sequence: 3));

        Assert.Contains("out-of-sequence command: sequence 7 is not above the last accepted 7", sameNumber.Error);
        Assert.Contains("out-of-sequence command: sequence 3 is not above the last accepted 7", lower.Error);
        Assert.Equal("Open", (await terminal.Api.State()).ValueOrThrow().Polls);
        var next = await terminal.Lan.Command(
            terminal.Election.Command(ModuleCommandKind.Close, (await terminal.Lan.Challenge()).ValueOrThrow().Nonce, sequence: 8));
        Assert.True(next.IsOk, next.Error);
        Assert.Equal(["out-of-sequence command: sequence 7 is not above the last accepted 7",
            "out-of-sequence command: sequence 3 is not above the last accepted 7"], RefusalLog.Reasons(terminal.DataDir));
    }
}
