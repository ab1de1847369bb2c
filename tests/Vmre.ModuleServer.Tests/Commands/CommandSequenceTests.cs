using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Commands;

/// <summary>
/// Issue 8 point 3 at the module server (the real server on loopback; terminals that check
/// commands as the real one does): every command answers the terminal's fresh challenge, names
/// the module's package, and carries a per-terminal sequence kept in module.db across restarts.
/// </summary>
public sealed class CommandSequenceTests
{

    [Fact]
    public async Task Each_command_echoes_the_terminals_challenge_names_the_package_and_raises_the_sequence()
    {
        await using var module = await TestModule.Started(terminals: 2);
        Assert.True((await module.Client(await module.SignIn("PRES-01")).OpenPolls()).IsOk);
        var closed = await module.Client(await module.SignIn("PRES-01")).ClosePolls();
        Assert.True(closed.IsOk, closed.Error);

        Assert.All(module.Terminals, t =>
        {
            Assert.Equal([ModuleCommandKind.ZeroReport, ModuleCommandKind.Close], t.Received.Select(c => c.Command));
            Assert.Equal(t.Issued, t.Received.Select(c => c.Nonce));
            Assert.All(t.Received, c => Assert.Equal((ModuleCommand.FormatV2, module.PackageHash, t.Id), (c.Format, c.PackageHash, c.TerminalId)));
            Assert.Equal([1L, 2L], t.Received.Select(c => c.Sequence!.Value));
        });
    }

    [Fact]
    public async Task The_sequence_survives_a_server_restart_so_the_next_command_still_goes_through()
    {
        await using var module = await TestModule.Started(terminals: 1);
        Assert.True((await module.Client(await module.SignIn("PRES-01")).OpenPolls()).IsOk);

        await module.Stop();
        await module.Start();
        var closed = await module.Client(await module.SignIn("PRES-01")).ClosePolls();

        Assert.True(closed.IsOk, closed.Error);
        Assert.All(closed.Value!.Terminals, t => Assert.True(t.RecordOk, t.Reason));
        Assert.Equal([1L, 2L], module.Terminals[0].Received.Select(c => c.Sequence!.Value));
    }

    [Fact]
    public async Task A_terminal_that_gives_no_valid_challenge_gets_no_command_and_the_polls_stay_shut()
    {
        await using var module = await TestModule.Started(terminals: 1);
        module.Terminals[0].EditChallenge = c => c with { Nonce = "not-a-nonce" };

        var opened = await module.Client(await module.SignIn("PRES-01")).OpenPolls();

        Assert.False(opened.IsOk);
        Assert.Contains("the terminal gave no challenge: challenge nonce is not 32 lowercase hex digits", opened.Value!.Terminals.Single().Reason);
        Assert.Empty(module.Terminals[0].Received);
        Assert.Equal(PollsState.NotOpen, (await module.Status()).State);
    }
}
