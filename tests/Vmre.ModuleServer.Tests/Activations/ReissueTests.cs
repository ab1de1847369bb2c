using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Activations;

/// <summary>
/// Issue 8 point 4, no stranded voter and rules.md R2 kept: an official voids an unredeemed
/// activation and re-issues one with a reason; the voter → activation link lives only while the
/// activation is unredeemed; a redeemed activation is never re-issued.
/// </summary>
public class ReissueTests
{
    private static readonly string Clave = TestElection.Voters[0].Clave;

    private static async Task<RedeemResponse> Redeem(TestModule module, string token, string terminal = "T1") =>
        (await module.Terminal(terminal).RedeemAsync(module.Redeem(token, terminal))).ValueOrThrow();

    private static async Task<ActivationReissueResponse> Reissue(TestModule module, string bearer, string clave, string reason) =>
        (await module.Client(bearer).ReissueActivation(new ActivationReissueRequest(clave, reason))).ValueOrThrow();

    [Fact]
    public async Task A_lost_activation_is_voided_and_reissued_and_the_old_one_is_then_refused()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var lost = await module.CheckIn(desk, Clave);

        var reissued = await Reissue(module, desk, Clave.ToLowerInvariant(), "voter lost the printed code");
        Assert.Equal(ReissueOutcome.Reissued, reissued.Outcome);
        Assert.Equal("E05", reissued.BallotStyle);
        Assert.NotEqual(lost, reissued.ActivationToken);

        var old = await Redeem(module, lost);
        Assert.False(old.Accepted);
        Assert.Equal("activation was voided and re-issued", old.Reason);
        var fresh = await Redeem(module, reissued.ActivationToken!);
        Assert.True(fresh.Accepted, fresh.Reason);

        // Counted apart: one voter, one activation issued and redeemed, one re-issue.
        var status = await module.Status();
        Assert.Equal((1, 1, 1, 0, 1), (status.CheckedIn, status.ActivationsIssued, status.ActivationsRedeemed,
            status.ActivationsPending, status.ActivationsReissued));

        // Logged with the official and the reason, never the voter or a nonce (rules.md R2).
        var line = Assert.Single(module.LogLines(), l => l.Contains("\"activation-reissued\""));
        Assert.Contains("\"reason\":\"voter lost the printed code\"", line);
        Assert.Contains("\"credential\":\"PRES-01\"", line);
        Assert.DoesNotContain(Clave, line);
        Assert.DoesNotContain(lost.Split('|')[4][..8], line);
        Assert.DoesNotContain(reissued.ActivationToken!.Split('|')[4][..8], line);
    }

    [Fact]
    public async Task An_expired_activation_is_reissued_and_the_new_one_redeems()
    {
        var now = new StrongBox<DateTimeOffset>(new DateTimeOffset(2023, 6, 4, 15, 0, 0, TimeSpan.Zero));
        await using var module = await TestModule.Prepare();
        module.Time = new ScriptedTime(() => now.Value);
        await module.Start();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var expired = await module.CheckIn(desk, Clave);

        now.Value = now.Value.AddMinutes(20);
        Assert.Equal("activation expired", (await Redeem(module, expired)).Reason);
        // Twenty idle minutes end a desk session (issue 11 point 1): the official signs in again.
        desk = await module.SignIn();
        var reissued = await Reissue(module, desk, Clave, "activation expired in the queue");
        Assert.Equal(ReissueOutcome.Reissued, reissued.Outcome);

        now.Value = now.Value.AddMinutes(14);
        Assert.True((await Redeem(module, reissued.ActivationToken!)).Accepted);
        Assert.Equal("activation was voided and re-issued", (await Redeem(module, expired)).Reason);
    }

    [Fact]
    public async Task A_redeemed_activation_cannot_be_reissued()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var activation = await module.CheckIn(desk, Clave);
        Assert.True((await Redeem(module, activation)).Accepted);

        var refused = await Reissue(module, desk, Clave, "voter says the code did not work");
        Assert.Equal(ReissueOutcome.AlreadyRedeemed, refused.Outcome);
        Assert.Null(refused.ActivationToken);
        Assert.Equal(0, (await module.Status()).ActivationsReissued);
        var line = Assert.Single(module.LogLines(), l => l.Contains("\"activation-reissue-refused\""));
        Assert.Contains("\"outcome\":\"AlreadyRedeemed\"", line);
    }

    [Fact]
    public async Task A_voter_never_checked_in_or_not_listed_gets_nothing_reissued()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        Assert.Equal(ReissueOutcome.NotCheckedIn, (await Reissue(module, desk, Clave, "lost")).Outcome);
        Assert.Equal(ReissueOutcome.NotInList, (await Reissue(module, desk, "ZZZZZZ00000000Z000", "lost")).Outcome);
        Assert.Equal(ReissueOutcome.InvalidCredential, (await Reissue(module, desk, "short", "lost")).Outcome);
        Assert.Equal(0, (await module.Status()).ActivationsIssued);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  x ")]
    [InlineData("line one\nline two")]
    public async Task A_reissue_needs_a_one_line_reason_of_bounded_length(string reason)
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var activation = await module.CheckIn(desk, Clave);

        Assert.Equal(ReissueOutcome.InvalidReason, (await Reissue(module, desk, Clave, reason)).Outcome);
        Assert.Equal(ReissueOutcome.InvalidReason, (await Reissue(module, desk, Clave, new string('r', 201))).Outcome);
        Assert.Equal(ReissueOutcome.InvalidReason, (await Reissue(module, desk, Clave, "lost by " + Clave.ToLowerInvariant())).Outcome);
        // Nothing was voided: the first activation still redeems.
        Assert.True((await Redeem(module, activation)).Accepted);
        Assert.DoesNotContain(module.LogLines(), l => l.Contains(Clave));
    }

    [Fact]
    public async Task Only_a_signed_in_desk_official_reissues_and_only_while_the_polls_are_open()
    {
        await using var module = await TestModule.Started();
        var (status, _) = await module.Post<ActivationReissueResponse>(ServerRoutes.CheckInReissue, new ActivationReissueRequest(Clave, "lost"));
        Assert.Equal(401, status);
        var observer = await module.SignIn("OBS-01");
        var (forbidden, _) = await module.Post<ActivationReissueResponse>(ServerRoutes.CheckInReissue, new ActivationReissueRequest(Clave, "lost"), observer);
        Assert.Equal(403, forbidden);
        var desk = await module.SignIn();
        Assert.Equal(ReissueOutcome.PollsNotOpen, (await Reissue(module, desk, Clave, "lost")).Outcome);
    }

    [Fact]
    public async Task After_redemption_no_row_in_module_db_links_the_voter_to_the_activation()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var desk = await module.SignIn();
        var db = Path.Combine(module.Dir, "module.db");
        var claveBytes = Encoding.UTF8.GetBytes(Clave);
        var before = Occurrences(File.ReadAllBytes(db), claveBytes);

        var first = await module.CheckIn(desk, Clave);
        // While unredeemed the link exists (that is what lets an official re-issue) ...
        Assert.Equal(1, LinkedRows(db, Clave));
        var second = (await Reissue(module, desk, Clave, "lost")).ActivationToken!;
        Assert.Equal(1, LinkedRows(db, Clave));
        Assert.True((await Redeem(module, second)).Accepted);

        // ... and the burn erased it: no table but the voter list holds the clave, no row holds
        // either nonce next to anything but its style and state, and the file holds the clave
        // exactly as often as before check-in (secure_delete zeroed the link's bytes).
        Assert.Equal(0, LinkedRows(db, Clave));
        foreach (var nonce in new[] { first.Split('|')[4], second.Split('|')[4] })
            Assert.Equal(["nonce", "state", "style"], ColumnsHolding(db, nonce));
        Assert.Equal(before, Occurrences(File.ReadAllBytes(db), claveBytes));
    }

    /// <summary>Rows outside the voter list that hold the clave anywhere.</summary>
    private static int LinkedRows(string db, string clave)
    {
        using var c = ReadOnly(db);
        var rows = 0;
        foreach (var table in Tables(c).Where(t => t is not ("voters" or "blocked")))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                if (Enumerable.Range(0, r.FieldCount).Any(i => r.GetValue(i) is string s && s.Contains(clave))) rows++;
        }
        return rows;
    }

    /// <summary>The columns of every row, in any table, that holds this nonce (sorted).</summary>
    private static string[] ColumnsHolding(string db, string nonce)
    {
        using var c = ReadOnly(db);
        var columns = new List<string>();
        foreach (var table in Tables(c))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                if (Enumerable.Range(0, r.FieldCount).Any(i => r.GetValue(i) is string s && s == nonce))
                    columns.AddRange(Enumerable.Range(0, r.FieldCount).Select(r.GetName));
        }
        return columns.Order(StringComparer.Ordinal).ToArray();
    }

    private static List<string> Tables(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var r = cmd.ExecuteReader();
        var tables = new List<string>();
        while (r.Read()) tables.Add(r.GetString(0));
        return tables;
    }

    private static SqliteConnection ReadOnly(string db)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    private static int Occurrences(byte[] haystack, byte[] needle)
    {
        var count = 0;
        for (var i = haystack.AsSpan().IndexOf(needle); i >= 0;)
        {
            count++;
            var next = haystack.AsSpan(i + 1).IndexOf(needle);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return count;
    }
}
