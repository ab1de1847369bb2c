using System.Runtime.CompilerServices;
using System.Text.Json;
using Vmre.Common.Logging;
using Vmre.Common.Logging.Nist;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.VoterTimes;

/// <summary>
/// Issue 9 point 3 over a whole server run (docs/rules.md "R3 meets R7"): check-ins and
/// redemptions leave no line of their own and no line timed at a voter's action; the hour's
/// voter-activity lines add up to what the voters did; the chain and the NIST export still hold.
/// </summary>
public class ServerRunTests
{
    private static readonly DateTimeOffset Opening = new(2023, 6, 4, 14, 0, 0, TimeSpan.Zero);
    private static readonly string[] PerVoterEvents =
        ["checkin-lookup", "checkin-activated", "checkin-refused", "activation-redeemed", "activation-refused"];

    [Fact]
    public async Task No_server_line_gives_a_voters_time_and_the_hours_counts_add_up_to_the_actions()
    {
        var now = new StrongBox<DateTimeOffset>(Opening);
        await using var module = await TestModule.Prepare();
        module.Time = new ScriptedTime(() => now.Value);
        await module.Start();
        await module.OpenPolls();
        var desk = await module.SignIn("ESC-01");

        // Each voter acts at a second no official or device acts at.
        var voterTimes = new List<DateTimeOffset>();
        var activations = new List<string>();
        for (var i = 0; i < TestElection.Voters.Length; i++)
        {
            now.Value = Opening.AddMinutes(2 + 7 * i).AddSeconds(13);
            voterTimes.Add(now.Value);
            var clave = TestElection.Voters[i].Clave;
            Assert.Equal(CheckInOutcome.Eligible, (await module.Client(desk).LookUp(new CheckInLookupRequest(null, clave))).ValueOrThrow().Outcome);
            activations.Add(await module.CheckIn(desk, clave));

            now.Value = now.Value.AddSeconds(41);
            voterTimes.Add(now.Value);
            var terminal = i % 2 == 0 ? "T1" : "T2";
            Assert.True((await module.Terminal(terminal).RedeemAsync(module.Redeem(activations[i], terminal))).ValueOrThrow().Accepted);
        }
        now.Value = Opening.AddMinutes(40).AddSeconds(7);
        voterTimes.Add(now.Value);
        Assert.Equal(CheckInOutcome.NotInList,
            (await module.Client(desk).LookUp(new CheckInLookupRequest(null, "PRUEBA00000009H009"))).ValueOrThrow().Outcome);
        now.Value = Opening.AddMinutes(41).AddSeconds(29);
        voterTimes.Add(now.Value);
        Assert.False((await module.Terminal("T2").RedeemAsync(module.Redeem(activations[0], "T2"))).ValueOrThrow().Accepted);

        now.Value = Opening.AddMinutes(50);
        (await module.Client(await module.SignIn("PRES-01")).ClosePolls()).ValueOrThrow();
        now.Value = Opening.AddMinutes(55);
        var lines = await VoterActivityLines.AfterStop(module);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();

        Assert.DoesNotContain(entries, e => PerVoterEvents.Contains(e.GetProperty("event").GetString()));
        var stamps = voterTimes.Select(t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")).ToHashSet();
        Assert.DoesNotContain(entries, e => stamps.Contains(e.GetProperty("utc").GetString()!));

        // Written at polls close, before the count and the seal, for the hour 14:00 UTC.
        var activity = entries.Where(e => e.GetProperty("event").GetString() == VoterActivity.Event).ToArray();
        Assert.Equal(3, activity.Length);
        Assert.All(activity, e => Assert.Equal("2023-06-04T14:50:00Z", e.GetProperty("utc").GetString()));
        Assert.All(activity, e => Assert.Equal("2023-06-04T14:00Z", e.GetProperty("data").GetProperty("hour").GetString()));
        long SeqOf(string evt) => entries.First(e => e.GetProperty("event").GetString() == evt).GetProperty("seq").GetInt64();
        Assert.All(activity, e => Assert.InRange(e.GetProperty("seq").GetInt64(), SeqOf("polls-closed"), SeqOf("acta-signed")));

        Assert.Equal(new Dictionary<string, int> { ["checkin-lookup:Eligible"] = 5, ["checkin-lookup:NotInList"] = 1, ["checkin-activated"] = 5 },
            VoterActivityLines.Counts(lines, "ESC-01"));
        Assert.Equal(new Dictionary<string, int> { ["activation-redeemed"] = 3 }, VoterActivityLines.Counts(lines, "T1"));
        Assert.Equal(new Dictionary<string, int> { ["activation-redeemed"] = 2, ["activation-refused:already-used"] = 1 },
            VoterActivityLines.Counts(lines, "T2"));

        Assert.True(EventLogVerifier.VerifyLines(lines).IsOk);
        var nist = NistExport.Export(lines, TestElection.ModuleId, "other", otherType: "module-server");
        Assert.True(nist.IsOk, nist.Error);
        var events = JsonDocument.Parse(nist.Value!).RootElement.GetProperty("Device")[0].GetProperty("Event").EnumerateArray().ToArray();
        Assert.Equal(lines.Length, events.Length);
        var exported = events.Where(e => e.GetProperty("Id").GetString() == VoterActivity.Event).ToArray();
        Assert.Equal(3, exported.Length);
        Assert.All(exported, e =>
        {
            Assert.Equal("voter-action", e.GetProperty("Type").GetString());
            Assert.Equal("na", e.GetProperty("Disposition").GetString());
            Assert.Equal(NistEventCatalog.For(VoterActivity.Event).Description, e.GetProperty("Description").GetString());
            Assert.Contains("hour=2023-06-04T14:00Z", e.GetProperty("Details").GetString());
        });
    }

    [Fact]
    public async Task Closing_erases_the_link_of_an_unredeemed_activation_to_its_voter_and_check_in_time()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn("ESC-01");
        await module.CheckIn(desk, TestElection.Voters[3].Clave);
        var db = Path.Combine(module.Dir, "module.db");
        Assert.Equal(1L, Scalar(db, "SELECT COUNT(*) FROM unredeemed_activations"));

        (await module.Client(await module.SignIn("PRES-01")).ClosePolls()).ValueOrThrow();

        // The voter left without voting: after closing nothing holds when they checked in.
        Assert.Equal(0L, Scalar(db, "SELECT COUNT(*) FROM unredeemed_activations"));
        Assert.Equal(1L, Scalar(db, "SELECT COUNT(*) FROM activations WHERE state = 'issued'"));
        var forgotten = Assert.Single(module.LogLines(), l => l.Contains("\"unredeemed-activations-forgotten\""));
        Assert.Contains("\"count\":\"1\"", forgotten);
        var status = await module.Status();
        Assert.Equal((1, 0, 1), (status.ActivationsIssued, status.ActivationsRedeemed, status.ActivationsPending));
    }

    private static object? Scalar(string db, string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
