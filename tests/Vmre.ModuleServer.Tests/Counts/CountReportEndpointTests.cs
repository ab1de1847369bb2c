using Vmre.Common.Lan;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Activations;
using Vmre.ModuleServer.Counting;
using Vmre.ModuleServer.Storage;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Counts;

/// <summary>
/// Issue 10 point 3 on the LAN face: a count report is held only from the paired terminal the TLS
/// handshake proved, signed by that connection's own leaf; a replayed older report never lowers
/// what the server holds; the server's per-terminal redemption counter holds a number and nothing else.
/// </summary>
public class CountReportEndpointTests
{
    private static HeldCounts Held(TestModule m, string terminal) =>
        CountReportBook.Read(ModuleDatabase.Open(Path.Combine(m.Dir, "module.db")), terminal)!;

    [Fact]
    public async Task A_replayed_older_report_keeps_the_newest_and_cannot_lower_the_maxima()
    {
        await using var module = await TestModule.Started(terminals: 1);
        var leaf = module.TerminalLeaf("T1");
        var older = CountReportSender.Sign(CountReportSender.Report(module, "T1", 1, 8, 0, 8), leaf);
        var newer = CountReportSender.Sign(CountReportSender.Report(module, "T1", 2, 15, 1, 16), leaf);
        Assert.Equal(200, (await CountReportSender.Post(module, "T1", older)).Status);
        Assert.Equal(200, (await CountReportSender.Post(module, "T1", newer)).Status);
        var (status, body) = await CountReportSender.Post(module, "T1", older); // replayed
        Assert.Equal(200, status);
        Assert.False(Vmre.Common.Serialization.VmreJson.Parse<Vmre.Common.Protocol.CountReportAnswer>(System.Text.Encoding.UTF8.GetBytes(body)).Value!.Held);

        var held = Held(module, "T1");
        Assert.Equal((2L, 15, 1, 16), (held.Sequence, held.Sealed, held.SessionsWithoutVote, held.ActivationsRedeemed));
        Assert.Equal((15, 1, 16), (held.MaxSealed, held.MaxSessionsWithoutVote, held.MaxActivationsRedeemed));
        Assert.False(held.AtClose); // the polls were not closed when it came
        Assert.Equal(3, module.LogLines().Count(l => l.Contains("\"count-report-received\"")));
    }

    [Fact]
    public async Task A_report_signed_by_another_leaf_than_the_connections_is_refused_and_logged()
    {
        await using var module = await TestModule.Started(terminals: 1);
        // Another run's leaf, certified by the same device key: a report from another run or connection.
        using var otherRun = LanIdentity.Mint("T1", module.Terminals[0].Key, TimeProvider.System);
        var (status, body) = await CountReportSender.Post(module, "T1", CountReportSender.Sign(CountReportSender.Report(module, "T1", 1, 3, 0, 3), otherRun));
        Assert.Equal(403, status);
        Assert.Contains("not this connection's", body);
        Assert.Contains(module.LogLines(), l => l.Contains("\"count-report-refused\"") && l.Contains("not this connection"));
        Assert.Null(CountReportBook.Read(ModuleDatabase.Open(Path.Combine(module.Dir, "module.db")), "T1"));
    }

    [Fact]
    public async Task A_refusal_quoting_an_oversized_property_name_is_logged_bounded()
    {
        // Review finding 12: the strict reading names the unknown property, which a peer chooses.
        await using var module = await TestModule.Started(terminals: 1);
        var leaf = module.TerminalLeaf("T1");
        var report = System.Text.Json.Nodes.JsonNode.Parse(Vmre.Common.Serialization.VmreJson.Bytes(CountReportSender.Report(module, "T1", 1, 3, 0, 3)))!.AsObject();
        var name = new string('Z', 10_000);
        report[name] = 1;
        var payload = System.Text.Encoding.UTF8.GetBytes(report.ToJsonString());
        using var key = System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions.GetECDsaPrivateKey(leaf.Certificate)!;
        var envelope = new SignedDocument(SignedDocument.FormatV1, DocumentKinds.CountReport, PublicKey.IdOf(key), Convert.ToBase64String(payload),
            Convert.ToBase64String(key.SignData(payload, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence)));
        var (status, _) = await CountReportSender.Post(module, "T1", new Vmre.Common.Closing.SignedCountReport(envelope, Convert.ToBase64String(leaf.Certificate.RawData)));
        Assert.Equal(403, status);
        var line = Assert.Single(module.LogLines(), l => l.Contains("\"count-report-refused\""));
        Assert.DoesNotContain(name, line);
        Assert.Contains(",len:", line);
        Assert.True(line.Length < 1_000, $"log line of {line.Length} characters");
    }

    [Fact]
    public async Task A_report_naming_another_terminal_or_package_is_refused()
    {
        await using var module = await TestModule.Started(terminals: 2);
        var leaf = module.TerminalLeaf("T1");
        var asT2 = CountReportSender.Report(module, "T1", 1, 3, 0, 3) with { TerminalId = "T2" };
        var (status, body) = await CountReportSender.Post(module, "T1", CountReportSender.Sign(asT2, leaf));
        Assert.Equal((403, true), (status, body.Contains("names terminal 'T2'")));
        var otherPackage = CountReportSender.Report(module, "T1", 1, 3, 0, 3) with { PackageHash = new string('0', 64) };
        Assert.Equal(403, (await CountReportSender.Post(module, "T1", CountReportSender.Sign(otherPackage, leaf))).Status);
        Assert.Null(CountReportBook.Read(ModuleDatabase.Open(Path.Combine(module.Dir, "module.db")), "T2"));
    }

    [Fact]
    public async Task An_unpaired_device_cannot_report()
    {
        await using var module = await TestModule.Started(terminals: 1);
        using var stranger = module.StrangerHttp("T9");
        using var leaf = LanIdentity.Mint("T9", SoftwareSigningKey.Generate(), TimeProvider.System);
        // The handshake itself refuses it (issue 8 point 2): no request reaches the endpoint.
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            CountReportSender.Post(module, "T9", CountReportSender.Sign(CountReportSender.Report(module, "T9", 1, 1, 0, 1), leaf), stranger));
        Assert.Contains(module.LogLines(), l => l.Contains("\"lan-peer-refused\"") && l.Contains("T9"));
    }

    [Fact]
    public async Task The_server_counts_redemptions_per_terminal_in_a_row_holding_only_a_number()
    {
        await using var module = await TestModule.Started(terminals: 2);
        await module.OpenPolls();
        var desk = await module.SignIn();
        var tokens = new List<string>();
        foreach (var (voter, terminal) in new[] { (0, "T1"), (1, "T1"), (2, "T2") })
        {
            tokens.Add(await module.CheckIn(desk, TestElection.Voters[voter].Clave));
            Assert.True((await module.Terminal(terminal).RedeemAsync(module.Redeem(tokens[^1], terminal))).Value!.Accepted);
        }
        // A replay burns nothing and counts nothing (rules.md R4).
        Assert.False((await module.Terminal("T2").RedeemAsync(module.Redeem(tokens[0], "T2"))).Value!.Accepted);
        var db = ModuleDatabase.Open(Path.Combine(module.Dir, "module.db"));
        using var c = db.Connect();
        Assert.Equal(new Dictionary<string, int> { ["T1"] = 2, ["T2"] = 1 }, TerminalRedemptions.Counts(c));
        // rules.md R2, R3: no voter, no time, no activation next to the count.
        using var columns = ModuleDatabase.Command(c, "SELECT name FROM pragma_table_info('terminal_redemptions')", null);
        using var reader = columns.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        Assert.Equal(["terminal_id", "redeemed"], names);
    }
}
