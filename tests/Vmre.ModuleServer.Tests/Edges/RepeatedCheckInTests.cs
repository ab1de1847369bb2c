using Vmre.Common.Protocol;
using Vmre.ModuleServer.Activations;
using Vmre.ModuleServer.Tests.Support;
using Vmre.ModuleServer.Voters;

namespace Vmre.ModuleServer.Tests.Edges;

/// <summary>
/// Issue 11 point 3: a check-in whose answer never reached the desk. The same request id gets the
/// same activation; a lookup says the voter is checked in with the activation unused and gives the
/// request id back; a new request id for that voter is refused as before; a redeemed activation is
/// never handed out again.
/// </summary>
public sealed class RepeatedCheckInTests
{
    [Fact]
    public async Task The_same_request_id_gets_the_same_activation_and_never_a_second_one()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = module.Client(await module.SignIn());
        var clave = TestElection.Voters[0].Clave;
        var request = CheckInConfirmRequest.Fresh(clave);

        var first = (await desk.ConfirmCheckIn(request)).ValueOrThrow();
        var repeated = (await desk.ConfirmCheckIn(request)).ValueOrThrow();
        Assert.Equal(CheckInOutcome.Activated, repeated.Outcome);
        Assert.Equal(first.ActivationToken, repeated.ActivationToken);

        // The desk lost the answer and its request id (a reload): the lookup says so and gives the id back.
        var looked = (await desk.LookUp(new CheckInLookupRequest(null, clave))).ValueOrThrow();
        Assert.Equal(CheckInOutcome.CheckedInNotRedeemed, looked.Outcome);
        Assert.Equal(request.RequestId, looked.PendingRequestId);
        var fetched = (await desk.ConfirmCheckIn(new CheckInConfirmRequest(clave, looked.PendingRequestId!))).ValueOrThrow();
        Assert.Equal(first.ActivationToken, fetched.ActivationToken);

        // A new request id for a marked voter is refused, as before.
        var other = (await desk.ConfirmCheckIn(CheckInConfirmRequest.Fresh(clave))).ValueOrThrow();
        Assert.Equal(CheckInOutcome.AlreadyVoted, other.Outcome);
        Assert.Null(other.ActivationToken);
        // Another voter cannot be checked in under this request id.
        var borrowed = (await desk.ConfirmCheckIn(new CheckInConfirmRequest(TestElection.Voters[1].Clave, request.RequestId))).ValueOrThrow();
        Assert.Equal(CheckInOutcome.InvalidRequest, borrowed.Outcome);

        // Once redeemed, the kept answer is gone: the same id is a voter who has voted.
        Assert.True((await module.Terminal("T1").RedeemAsync(module.Redeem(first.ActivationToken!, "T1"))).Value!.Accepted);
        var after = (await desk.ConfirmCheckIn(request)).ValueOrThrow();
        Assert.Equal(CheckInOutcome.AlreadyVoted, after.Outcome);
        Assert.Null(after.ActivationToken);
        Assert.Equal(CheckInOutcome.AlreadyVoted, (await desk.LookUp(new CheckInLookupRequest(null, clave))).ValueOrThrow().Outcome);

        await module.Stop();
        // Review finding 3: each repeat is a timed line naming the official, not an hourly count.
        var repeats = module.LogLines().Where(l => l.Contains($"\"event\":\"{CheckInDesk.Repeated}\"")).ToList();
        Assert.Equal(2, repeats.Count(l => l.Contains("\"outcome\":\"given\"") && l.Contains("\"credential\":\"PRES-01\"")));
        Assert.Single(repeats, l => l.Contains("\"outcome\":\"other-voter\""));
        Assert.DoesNotContain(repeats, l => l.Contains(clave));
    }

    [Fact]
    public async Task Only_the_official_who_asked_gets_the_kept_activation_and_never_once_it_expired()
    {
        // Review finding 3: a live activation is not handed to whoever holds its request id.
        var now = DateTimeOffset.UtcNow;
        await using var module = await TestModule.Prepare();
        module.Time = new Vmre.TestSupport.ScriptedTime(() => now);
        module.DeskIdle = TimeSpan.FromHours(2);
        await module.Start();
        await module.OpenPolls();
        var desk = module.Client(await module.SignIn());
        var request = CheckInConfirmRequest.Fresh(TestElection.Voters[0].Clave);
        var first = (await desk.ConfirmCheckIn(request)).ValueOrThrow();
        Assert.Equal(CheckInOutcome.Activated, first.Outcome);

        var other = (await module.Client(await module.SignIn("ESC-01")).ConfirmCheckIn(request)).ValueOrThrow();
        Assert.Equal((CheckInOutcome.InvalidRequest, CheckInDesk.OtherOfficial, null), (other.Outcome, other.Reason, other.ActivationToken));

        now += TimeSpan.FromMinutes(Vmre.Common.Module.ModuleConfig.DefaultActivationMinutes);
        var expired = (await desk.ConfirmCheckIn(request)).ValueOrThrow();
        Assert.Equal((CheckInOutcome.InvalidRequest, CheckInDesk.Expired, null), (expired.Outcome, expired.Reason, expired.ActivationToken));
        Assert.StartsWith("expired: re-issue", CheckInDesk.Expired);

        var repeats = module.LogLines().Where(l => l.Contains($"\"event\":\"{CheckInDesk.Repeated}\"")).ToList();
        Assert.Single(repeats, l => l.Contains("\"outcome\":\"other-official\"") && l.Contains("\"credential\":\"ESC-01\""));
        Assert.Single(repeats, l => l.Contains("\"outcome\":\"expired\"") && l.Contains("\"credential\":\"PRES-01\""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcde")]
    public async Task A_malformed_request_id_marks_no_one(string requestId)
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = module.Client(await module.SignIn());
        var answer = (await desk.ConfirmCheckIn(new CheckInConfirmRequest(TestElection.Voters[0].Clave, requestId))).ValueOrThrow();
        Assert.Equal(CheckInOutcome.InvalidRequest, answer.Outcome);
        Assert.Equal(CheckInOutcome.Eligible, (await desk.LookUp(new CheckInLookupRequest(null, TestElection.Voters[0].Clave))).ValueOrThrow().Outcome);
    }
}
