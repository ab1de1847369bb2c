using Vmre.Common.Closing;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Closing;

/// <summary>
/// Review, rules.md R5: a closing record that verifies but is malformed inside (a null line
/// list or a null contest) is refused with a reason and not counted; it must not crash the
/// count and leave the module closed with no acta.
/// </summary>
public class MalformedClosingRecordTests
{
    [Theory]
    [InlineData("null-lines")]
    [InlineData("null-contest")]
    public async Task A_malformed_closing_record_is_refused_not_a_500(string kind)
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        module.Terminals[1].EditClosingRecord = r => kind == "null-lines"
            ? r with { Contests = [new ContestTally("GOB-05", null!)] }
            : r with { Contests = [null!] };

        var (status, body) = await module.Post<PollsCloseResponse>(ServerRoutes.PollsClose, new { }, await module.SignIn("PRES-01"));
        Assert.Equal(200, status);
        Assert.False(body!.Terminals.Single(t => t.TerminalId == "T2").RecordOk);
        Assert.True(body.Terminals.Single(t => t.TerminalId == "T1").RecordOk);
        Assert.Equal(200, (int)(await module.Http.GetAsync(ServerRoutes.Acta)).StatusCode);
    }
}
