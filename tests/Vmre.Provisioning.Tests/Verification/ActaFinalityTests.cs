using Vmre.Common.Acta;
using Vmre.Common.Signing;

namespace Vmre.Provisioning.Tests.Verification;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

/// <summary>
/// Issue 11 point 5: `vmre-provision verify` verifies a module's actas under the server key its
/// module config names and says which is final — the acta no other supersedes; a superseded
/// one still verifies but is NOT FINAL; two that neither supersedes are refused.
/// </summary>
public sealed class ActaFinalityTests : IDisposable
{
    private readonly Fixture _f = new();
    private readonly SoftwareSigningKey _server = SoftwareSigningKey.Generate();

    public void Dispose() => _f.Dispose();

    private string Config()
    {
        var pub = _f.Dir.File("server.pub.pem");
        File.WriteAllText(pub, _server.PublicKeyPem);
        var run = Cli.Run("module", "configure", "--module", "MRV-CHI", "--authority", _f.Key, "--package", _f.Package,
            "--server-public", pub, "--slice", _f.ChicagoSlice, "--out", _f.Dir.File("module-config.signed.json"));
        Assert.True(run.Exit == 0, run.Err);
        return _f.Dir.File("module-config.signed.json");
    }

    private static Acta Acta(IReadOnlyList<string> supersedes, params string[] terminals) => new(
        Vmre.Common.Acta.Acta.FormatV4, "PEL-2022-2023-VMRE", "Proceso", "MRV-CHI", "Chicago", new string('a', 64),
        "2023-06-04T23:00:09Z", "2023-06-04T18:00:09-05:00", terminals, [],
        new Reconciliation(1, 1, 1, 1, 1, 0, true, []), Supersedes: supersedes);

    /// <summary>Signs the acta as the module server would, writes it, returns its path and payload hash.</summary>
    private (string Path, string Hash) Signed(string name, Acta acta, ISigner? signer = null)
    {
        var envelope = SignedDocument.Create(DocumentKinds.Acta, acta, signer ?? _server);
        var path = _f.Dir.File(name);
        envelope.WriteFile(path);
        return (path, ContentHash.Of(envelope.PayloadBytes()));
    }

    [Fact]
    public void The_acta_no_other_supersedes_is_final_and_the_superseded_one_is_said_not_final()
    {
        var config = Config();
        var first = Signed("acta.superseded-1.signed.json", Acta([], "T1"));
        var final = Signed("acta.signed.json", Acta([first.Hash], "T1", "T2"));

        var run = Cli.Run("verify", "--authority-pub", _f.Pub, config, first.Path, final.Path);

        Assert.True(run.Exit == 0, run.Out + run.Err);
        var lines = run.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith($"OK   {first.Path}: acta, payload sha256 {first.Hash}", StringComparison.Ordinal)
            && l.EndsWith($"NOT FINAL: superseded by acta {final.Hash}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"OK   {final.Path}: acta, payload sha256 {final.Hash}", StringComparison.Ordinal)
            && l.Contains("2 terminals counted", StringComparison.Ordinal)
            && l.Contains("FINAL among the 2 actas of ", StringComparison.Ordinal) && l.EndsWith("no acta given supersedes it (supersedes 1 earlier acta)", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_actas_of_one_module_that_neither_supersedes_are_both_refused()
    {
        var config = Config();
        var one = Signed("one.signed.json", Acta([], "T1"));
        var other = Signed("other.signed.json", Acta([], "T1", "T2"));

        var run = Cli.Run("verify", "--authority-pub", _f.Pub, config, one.Path, other.Path);

        Assert.Equal(1, run.Exit);
        Assert.Contains($"FAIL {one.Path}: MRV-CHI: 1 terminals counted, reconciled yes: 2 actas of module MRV-CHI and neither supersedes the other, so none is final", run.Out);
        Assert.Contains($"FAIL {other.Path}: MRV-CHI: 2 terminals counted", run.Out);
    }

    [Fact]
    public void An_acta_of_an_unknown_format_is_refused()
    {
        var config = Config();
        var acta = Signed("acta.signed.json", Acta([], "T1") with { Format = "vmre-acta/9" });
        var run = Cli.Run("verify", "--authority-pub", _f.Pub, config, acta.Path);
        Assert.Equal(1, run.Exit);
        Assert.Contains($"FAIL {acta.Path}: unknown acta format 'vmre-acta/9'", run.Out);
    }

    [Fact]
    public void An_acta_is_refused_without_the_module_config_or_when_another_key_signed_it()
    {
        var config = Config();
        var forged = SoftwareSigningKey.Generate();
        var acta = Signed("forged.signed.json", Acta([], "T1"), forged);

        var alone = Cli.Run("verify", "--authority-pub", _f.Pub, acta.Path);
        var withConfig = Cli.Run("verify", "--authority-pub", _f.Pub, config, acta.Path);

        Assert.Equal(1, alone.Exit);
        Assert.Contains($"FAIL {acta.Path}: acta signed by key {forged.KeyId}: no module config among the files names that server key", alone.Out);
        Assert.Equal(1, withConfig.Exit);
        Assert.Contains($"FAIL {acta.Path}: acta signed by key {forged.KeyId}", withConfig.Out);
    }
}
