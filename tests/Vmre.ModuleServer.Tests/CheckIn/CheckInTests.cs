using Vmre.Common.Protocol;
using Vmre.Firmware.Credential;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.CheckIn;

/// <summary>The check-in desk (brief section 2.3).</summary>
public class CheckInTests
{
    private static Task<(int, CheckInLookupResponse?)> Lookup(TestModule m, string token, string? mrz, string? clave) =>
        m.Post<CheckInLookupResponse>(ServerRoutes.CheckInLookup, new CheckInLookupRequest(mrz, clave), token);

    private static string MrzOf(string cic, string surnames = "PRUEBA ALFA", string given = "ELENA") =>
        MrzBuilder.Build(cic, "0000000000001", "850101", "M", "331231", surnames, given);

    [Fact]
    public async Task Polls_not_open_answers_so()
    {
        await using var module = await TestModule.Started();
        var token = await module.SignIn();
        var (_, answer) = await Lookup(module, token, null, TestElection.Voters[0].Clave);
        Assert.Equal(CheckInOutcome.PollsNotOpen, answer!.Outcome);
        Assert.Null(answer.Voter);
    }

    [Fact]
    public async Task Every_lookup_outcome()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var token = await module.SignIn("ESC-01");

        var (_, byClave) = await Lookup(module, token, null, "  prueba00000003m003 ");
        Assert.Equal(CheckInOutcome.Eligible, byClave!.Outcome);
        Assert.Equal(new CheckInVoter("PRUEBA00000003M003", "LUZ PRUEBA GAMA", "15", "E15"), byClave.Voter);

        var (_, byMrz) = await Lookup(module, token, MrzOf("100000002", "PRUEBA BETA", "JUAN CARLOS"), null);
        Assert.Equal(CheckInOutcome.Eligible, byMrz!.Outcome);
        Assert.Equal("JUAN CARLOS PRUEBA BETA", byMrz.Voter!.Name);
        Assert.Equal("E05", byMrz.Voter.BallotStyle);

        Assert.Equal(CheckInOutcome.NotInList, (await Lookup(module, token, null, "NOESTA00000001H001")).Item2!.Outcome);
        Assert.Equal(CheckInOutcome.BlockedPostal, (await Lookup(module, token, null, TestElection.PostalClave)).Item2!.Outcome);
        Assert.Equal(CheckInOutcome.BlockedInternet, (await Lookup(module, token, MrzOf(TestElection.InternetCic), null)).Item2!.Outcome);
        Assert.Equal(CheckInOutcome.OtherModule, (await Lookup(module, token, null, TestElection.OtherModuleClave)).Item2!.Outcome);
        Assert.Equal(CheckInOutcome.NotEligible, (await Lookup(module, token, null, TestElection.NotEligibleClave)).Item2!.Outcome);

        var good = MrzOf("100000001");
        var badMrz = good[..14] + (good[14] == '0' ? '1' : '0') + good[15..]; // a misread check digit
        var (_, invalid) = await Lookup(module, token, badMrz, null);
        Assert.Equal(CheckInOutcome.InvalidCredential, invalid!.Outcome);
        Assert.Contains(MrzReasons.DocumentNumberCheck, invalid.Reason);

        var (_, shortClave) = await Lookup(module, token, null, "ABC");
        Assert.Equal(CheckInOutcome.InvalidCredential, shortClave!.Outcome);

        var activation = await module.CheckIn(token, TestElection.Voters[0].Clave);
        // Issue 11 point 3: checked in, activation unused: the desk may hand over that same one.
        var (_, pending) = await Lookup(module, token, MrzOf(TestElection.Voters[0].Cic), null);
        Assert.Equal(CheckInOutcome.CheckedInNotRedeemed, pending!.Outcome);
        Assert.NotNull(pending.PendingRequestId);
        Assert.True((await module.Terminal("T1").RedeemAsync(module.Redeem(activation, "T1"))).Value!.Accepted);
        var (_, again) = await Lookup(module, token, MrzOf(TestElection.Voters[0].Cic), null);
        Assert.Equal(CheckInOutcome.AlreadyVoted, again!.Outcome);
    }

    [Fact]
    public async Task Racing_desks_issue_exactly_one_activation()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var tokens = new[] { await module.SignIn("PRES-01"), await module.SignIn("SEC-01"), await module.SignIn("ESC-01") };
        var clave = TestElection.Voters[3].Clave;

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            module.Post<CheckInConfirmResponse>(ServerRoutes.CheckInConfirm, CheckInConfirmRequest.Fresh(clave), tokens[i % 3])));

        Assert.Single(answers, a => a.Item2!.Outcome == CheckInOutcome.Activated);
        Assert.Equal(11, answers.Count(a => a.Item2!.Outcome == CheckInOutcome.AlreadyVoted));
        var status = await module.Status();
        Assert.Equal(1, status.ActivationsIssued);
        Assert.Equal(1, status.CheckedIn);
        Assert.Equal(1, status.CheckInsLastHour);
    }

    [Fact]
    public async Task Check_in_log_holds_no_voter_and_no_nonce()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var token = await module.SignIn();
        var voter = TestElection.Voters[1];
        await Lookup(module, token, null, voter.Clave);
        var activation = await module.CheckIn(token, voter.Clave);
        var nonce = activation.Split('|')[4];

        var lines = await VoterActivityLines.AfterStop(module);
        var log = string.Join("\n", lines);
        // Issue 9 point 3: counted under the official, with no line and no time of its own.
        var counts = VoterActivityLines.Counts(lines, "PRES-01");
        Assert.Equal(1, counts["checkin-activated"]);
        Assert.Equal(1, counts["checkin-lookup:Eligible"]);
        Assert.DoesNotContain(lines, l => l.Contains("\"event\":\"checkin-"));
        Assert.DoesNotContain(voter.Clave, log);
        Assert.DoesNotContain(voter.Cic, log);
        Assert.DoesNotContain(voter.Surnames, log);
        Assert.DoesNotContain(nonce[..8], log);
        Assert.Matches("^VMRE-A2\\|MRV-CHI\\|[0-9a-f]{16}\\|E05\\|[0-9a-f]{32}\\|[A-Za-z0-9_-]+$", activation);
    }
}
