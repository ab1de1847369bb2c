using Vmre.Common.Acta;
using Vmre.Common.Closing;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Storage;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Closing;

/// <summary>
/// Review, rules.md R6 (nothing lost) and section 2.5: the polls are stored as closed before
/// the count runs. A crash (or an exception) between that commit and the acta, or a terminal
/// whose closing record could not be counted (a voter still voting, a network blip), must not
/// leave the module final with no acta or with a terminal's votes left out for good.
/// </summary>
public class ClosingRecoveryTests
{
    private static async Task<(int, PollsCloseResponse?)> Close(TestModule m) =>
        await m.Post<PollsCloseResponse>(ServerRoutes.PollsClose, new { }, await m.SignIn("PRES-01"));

    [Fact]
    public async Task A_crash_after_closed_was_stored_but_before_the_acta_can_be_resumed()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var token = await module.CheckIn(desk, TestElection.Voters[0].Clave);
        Assert.True((await module.Terminal("T1").RedeemAsync(module.Redeem(token, "T1"))).Value!.Accepted);
        module.Terminals[0].Contests = [new ContestTally("GOB-05", [new TallyLine("PAN", 1)])];
        (module.Terminals[0].VotesSealed, module.Terminals[0].TestigosPrinted, module.Terminals[0].ActivationsRedeemed) = (1, 1, 1);

        // The process dies right after PollsRecord.Move(Open → Closed) committed.
        await module.Stop();
        var db = ModuleDatabase.Open(Path.Combine(module.Dir, "module.db"));
        using (var c = db.Connect()) ModuleDatabase.Execute(c, "UPDATE polls SET state = 'Closed' WHERE id = 1");
        await module.Start();
        Assert.Equal(404, (int)(await module.Http.GetAsync(ServerRoutes.Acta)).StatusCode);

        var (status, body) = await Close(module);
        Assert.Equal(200, status);
        Assert.True(body!.Reconciled, string.Join("; ", body.Discrepancies));
        var acta = await module.Acta();
        Assert.Equal(1, acta.Contests.Single(c => c.ContestId == "GOB-05").Total);
        Assert.Contains(module.LogLines(), l => l.Contains("\"closing-resumed\""));

        // Once every terminal is counted the closing is final.
        var (again, _) = await Close(module);
        Assert.Equal(409, again);
    }

    [Fact]
    public async Task A_terminal_not_counted_at_closing_can_be_counted_on_a_second_close()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        module.Terminals[1].Contests = [new ContestTally("GOB-05", [new TallyLine("MORENA", 0)])];
        module.Terminals[1].SignWith = SoftwareSigningKey.Generate(); // its answer does not verify this time

        var (first, firstBody) = await Close(module);
        Assert.Equal(200, first);
        Assert.False(firstBody!.Reconciled);
        var firstActa = await module.Acta();
        Assert.Equal(["T1"], firstActa.Terminals);
        Assert.Equal(Acta.FormatV4, firstActa.Format);
        Assert.Empty(firstActa.Supersedes!);
        var firstHash = ContentHash.Of(SignedDocument.ReadFile(Path.Combine(module.Dir, "acta.signed.json")).ValueOrThrow().PayloadBytes());

        // An acta dropped into the folder under another key is not the server's to name.
        SignedDocument.Create(DocumentKinds.Acta, firstActa with { Terminals = ["T2"] }, SoftwareSigningKey.Generate())
            .WriteFile(Path.Combine(module.Dir, "acta.superseded-7.signed.json"));

        module.Terminals[1].SignWith = null;
        var (second, secondBody) = await Close(module);
        Assert.Equal(200, second);
        Assert.True(secondBody!.Reconciled, string.Join("; ", secondBody.Discrepancies));
        Assert.Equal(["T1", "T2"], (await module.Acta()).Terminals);
        // The superseded acta is kept for the auditors, not overwritten.
        Assert.True(File.Exists(Path.Combine(module.Dir, "acta.superseded-1.signed.json")));
        // Issue 11 point 5: the new acta names the one it supersedes by its payload hash.
        Assert.Equal([firstHash], (await module.Acta()).Supersedes);
    }
}
