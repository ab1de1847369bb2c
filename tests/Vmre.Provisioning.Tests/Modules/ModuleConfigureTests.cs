using System.Security.Cryptography;
using Vmre.Audit.Documents;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Provisioning.Authority;
using Vmre.Provisioning.ElectionPackages;

namespace Vmre.Provisioning.Tests.Modules;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

public class ModuleConfigureTests : IDisposable
{
    private readonly Fixture _f = new();

    public void Dispose() => _f.Dispose();

    private string TerminalKey(string name, ECCurve curve)
    {
        using var key = ECDsa.Create(curve);
        var path = _f.Dir.File(name);
        File.WriteAllText(path, key.ExportSubjectPublicKeyInfoPem());
        return path;
    }

    /// <summary>`module configure` pairing the server by <paramref name="name"/>.pub.pem (its TPM public key), writing <paramref name="name"/>.config.json.</summary>
    private string ServerPublic(string name) => File.Exists(_f.Dir.File(name + ".pub.pem"))
        ? _f.Dir.File(name + ".pub.pem")
        : TerminalKey(name + ".pub.pem", ECCurve.NamedCurves.nistP256);

    private Cli Configure(string name, params string[] extra) => Cli.Run(
        [
            "module", "configure", "--module", "MRV-CHI", "--authority", _f.Key, "--package", _f.Package,
            "--server-public", ServerPublic(name), "--out", _f.Dir.File(name + ".config.json"),
            .. extra.Contains("--slice") ? [] : new[] { "--slice", _f.ChicagoSlice }, .. extra,
        ]);

    [Fact]
    public void Writes_a_signed_config_pinned_to_the_package()
    {
        var t1 = TerminalKey("t1.pub.pem", ECCurve.NamedCurves.nistP256);
        // Issue 11 point 1: each official's card public key (from card personalisation), never a PIN.
        var anaCard = TerminalKey("ana-card.pub.pem", ECCurve.NamedCurves.nistP256);
        var luisCard = TerminalKey("luis-card.pub.pem", ECCurve.NamedCurves.nistP256);
        var run = Configure("server", "--terminal", $"T1={t1}", "--official", $"CRED-001:Presidente:Ana Ruiz: la Jefa:{anaCard}",
            "--official", $"CRED-002:ESCRUTADOR:Luis Ortiz:{luisCard}", "--walk-in-cap", "1500");
        Assert.True(run.Exit == 0, run.Err);
        var pub = KeyFiles.LoadPublic(_f.Pub).ValueOrThrow();
        var config = SignedDocument.ReadFile(_f.Dir.File("server.config.json")).ValueOrThrow()
            .Open<ModuleConfig>(DocumentKinds.ModuleConfig, pub).ValueOrThrow();
        var package = ElectionPackageFile.Open(_f.Package, pub).ValueOrThrow();
        Assert.Equal((ModuleConfig.FormatV3, "Chicago", "America/Chicago", "PEL-2022-2023-VMRE", package.Hash, 1500),
            (config.Format, config.Name, config.TimeZone, config.ElectionId, config.PackageHash, config.WalkInCap));
        // Issue 8 point 2: the server is paired by its TPM's public key; no private key is made here.
        var server = PublicKey.FromPem(File.ReadAllText(_f.Dir.File("server.pub.pem")));
        Assert.Equal(server.KeyId, PublicKey.FromPem(config.ServerPublicKeyPem).KeyId);
        Assert.Contains($"module server key: {server.KeyId} (in the server's TPM)", run.Out);
        Assert.DoesNotContain(Directory.GetFiles(_f.Dir.Path, "*", SearchOption.AllDirectories).Where(f => f != _f.Key),
            f => File.ReadAllText(f).Contains("PRIVATE KEY"));
        Assert.Equal(PublicKey.FromPem(File.ReadAllText(t1)).KeyId, PublicKey.FromPem(config.Terminal("T1")!.PublicKeyPem).KeyId);
        var ana = config.Official("CRED-001")!;
        Assert.Equal((OfficialRole.Presidente, "Ana Ruiz: la Jefa"), (ana.Role, ana.Name));
        Assert.Equal(PublicKey.FromPem(File.ReadAllText(anaCard)).KeyId, PublicKey.FromPem(ana.CardPublicKeyPem).KeyId);
        Assert.Equal(OfficialRole.Escrutador, config.Official("CRED-002")!.Role);
        // Issue 8 point 4: the default activation lifetime; no consoles unless given.
        Assert.Equal((15, 0), (config.ActivationMinutes, config.Consoles!.Count));
        Assert.Equal(0, Cli.Run("verify", "--authority-pub", _f.Pub, _f.Dir.File("server.config.json")).Exit);
    }

    [Fact]
    public void Pairs_desk_and_observer_consoles_and_signs_the_activation_lifetime()
    {
        var desk = TerminalKey("desk.pub.pem", ECCurve.NamedCurves.nistP256);
        var observers = TerminalKey("obs.pub.pem", ECCurve.NamedCurves.nistP256);
        var run = Configure("consoles.key", "--activation-minutes", "30",
            "--console", $"DESK-01=desk:{desk}", "--console", $"OBS-01=observer:{observers}");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("consoles: DESK-01 desk, OBS-01 observer", run.Out);
        Assert.Contains("activations redeemable for 30 minutes", run.Out);
        var config = SignedDocument.ReadFile(_f.Dir.File("consoles.key.config.json")).ValueOrThrow()
            .Open<ModuleConfig>(DocumentKinds.ModuleConfig, KeyFiles.LoadPublic(_f.Pub).ValueOrThrow()).ValueOrThrow();
        Assert.Equal(30, config.ActivationMinutes);
        Assert.Equal([("DESK-01", ConsoleRole.Desk), ("OBS-01", ConsoleRole.Observer)], config.Consoles!.Select(c => (c.ConsoleId, c.Role)));
        Assert.Equal(PublicKey.FromPem(File.ReadAllText(desk)).KeyId, PublicKey.FromPem(config.Console("DESK-01")!.PublicKeyPem).KeyId);
        Assert.Null(ModuleConfigCheck.Problem(config));
    }

    [Theory]
    [InlineData("--activation-minutes", "0", "--activation-minutes must be a whole number from 1 to 240, got '0'")]
    [InlineData("--activation-minutes", "241", "--activation-minutes must be a whole number from 1 to 240, got '241'")]
    [InlineData("--console", "DESK-01=cashier:KEY", "console DESK-01: role must be desk or observer, got 'cashier'")]
    [InlineData("--console", "DESK-01:KEY", "--console must be ID=desk|observer:PUBPEMFILE")]
    [InlineData("--console", "desk 1=desk:KEY", "console id 'desk 1' must be 1-16 chars [A-Z0-9-]")]
    public void Bad_activation_minutes_or_console_is_refused_and_nothing_written(string option, string value, string reason)
    {
        var run = Configure("badc.key", option, value.Replace("KEY", TerminalKey("k.pub.pem", ECCurve.NamedCurves.nistP256)));
        Assert.NotEqual(0, run.Exit);
        Assert.Contains(reason, run.Err);
        Assert.False(File.Exists(_f.Dir.File("badc.key.config.json")));
    }

    [Fact]
    public void A_console_given_twice_is_refused()
    {
        var key = TerminalKey("d.pub.pem", ECCurve.NamedCurves.nistP256);
        var run = Configure("twice.key", "--console", $"DESK-01=desk:{key}", "--console", $"DESK-01=observer:{key}");
        Assert.Equal(1, run.Exit);
        Assert.Contains("console DESK-01 given twice", run.Err);
    }

    [Fact]
    public void Pins_the_module_slice_and_refuses_another_modules()
    {
        // rules.md R5: the config names the exact slice the module server must load.
        var lnere = _f.Dir.File("lnere.csv");
        Assert.Equal(0, Cli.Run("lnere", "generate", "--seed", "7", "--out", lnere).Exit);
        var chicago = _f.Dir.File("slice-chi.json");
        var montreal = _f.Dir.File("slice-mtl.json");
        Assert.Equal(0, Cli.Run("lnere", "slice", "--lnere", lnere, "--module", "MRV-CHI", "--authority", _f.Key, "--out", chicago).Exit);
        Assert.Equal(0, Cli.Run("lnere", "slice", "--lnere", lnere, "--module", "MRV-MTL", "--authority", _f.Key, "--out", montreal).Exit);

        var pinned = Configure("a.key", "--slice", chicago);
        Assert.True(pinned.Exit == 0, pinned.Err);
        var config = SignedDocument.ReadFile(_f.Dir.File("a.key.config.json")).ValueOrThrow()
            .Open<ModuleConfig>(DocumentKinds.ModuleConfig, KeyFiles.LoadPublic(_f.Pub).ValueOrThrow()).ValueOrThrow();
        var sliceBytes = SignedDocument.ReadFile(chicago).ValueOrThrow().PayloadBytes();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(sliceBytes)), config.SliceHash);

        var wrong = Configure("b.key", "--slice", montreal);
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("cut for module MRV-MTL, not MRV-CHI", wrong.Err);
        Assert.False(File.Exists(_f.Dir.File("b.key.config.json")));

        // Without a slice there is nothing to pin: the module server would refuse such a config.
        var none = Cli.Run("module", "configure", "--module", "MRV-CHI", "--authority", _f.Key, "--package", _f.Package,
            "--server-public", ServerPublic("c.key"), "--out", _f.Dir.File("c.key.config.json"));
        Assert.Equal(2, none.Exit);
        Assert.Contains("--slice", none.Err);
    }

    [Theory]
    [InlineData("CRED-1:presidente:Ana:482913", "the last field is the card's public key file, not a PIN")]
    [InlineData("CRED-1:presidente:Ana:no-such-card.pub.pem", "--official CRED-1: card public key")]
    [InlineData("CRED-1:rey:Ana:{card}", "unknown role 'rey'")]
    [InlineData("CRED 1:presidente:Ana:{card}", "credential id must be 1-32 printable ASCII characters without spaces")]
    [InlineData("CRED-1:presidente:{card}", "must be CREDID:ROLE:NAME:CARD_PUBLIC_PEM_FILE")]
    public void Bad_official_is_refused_and_nothing_written(string official, string reason)
    {
        var card = TerminalKey("card.pub.pem", ECCurve.NamedCurves.nistP256);
        var run = Configure("bad.key", "--official", official.Replace("{card}", card));
        Assert.Equal(1, run.Exit);
        Assert.Contains(reason, run.Err);
        Assert.DoesNotContain("482913", run.Err); // an old-style PIN argument is never echoed
        Assert.False(File.Exists(_f.Dir.File("bad.key.config.json")));
    }

    [Fact]
    public void Two_officials_with_one_card_key_are_refused()
    {
        var card = TerminalKey("shared.pub.pem", ECCurve.NamedCurves.nistP256);
        var run = Configure("shared.key", "--official", $"A-1:presidente:Ana:{card}", "--official", $"B-1:secretario:Luis:{card}");
        Assert.Equal(1, run.Exit);
        Assert.Contains("official B-1 has the same card key as another official", run.Err);
    }

    [Fact]
    public void Two_presidentes_are_refused_and_nothing_is_written()
    {
        // Review finding 10: a module has one presidente (who alone lifts locks and closes).
        var a = TerminalKey("pa.pub.pem", ECCurve.NamedCurves.nistP256);
        var b = TerminalKey("pb.pub.pem", ECCurve.NamedCurves.nistP256);
        var run = Configure("twopres.key", "--official", $"A-1:presidente:Ana:{a}", "--official", $"B-1:presidente:Luis:{b}");
        Assert.Equal(1, run.Exit);
        Assert.Contains("officials A-1 and B-1 are both presidente: a module has one presidente", run.Err);
        Assert.False(File.Exists(_f.Dir.File("twopres.key.config.json")));
    }

    [Fact]
    public void Non_P256_terminal_key_is_refused()
    {
        var p384 = TerminalKey("p384.pub.pem", ECCurve.NamedCurves.nistP384);
        var run = Configure("s384.key", "--terminal", $"T1={p384}");
        Assert.Equal(1, run.Exit);
        Assert.Contains("is not an ECDSA P-256 key", run.Err);

        using var rsa = RSA.Create(2048);
        var rsaPath = _f.Dir.File("rsa.pub.pem");
        File.WriteAllText(rsaPath, rsa.ExportSubjectPublicKeyInfoPem());
        Assert.Equal(1, Configure("srsa.key", "--terminal", $"T1={rsaPath}").Exit);
    }

    [Fact]
    public void Package_from_another_authority_is_refused()
    {
        var other = SoftwareSigningKey.Generate();
        ElectionPackageFile.Sign(DemoElection.Pel2023(), other).WriteFile(_f.Package);
        var run = Configure("s.key");
        Assert.Equal(1, run.Exit);
        Assert.Contains($"signed by key {other.KeyId}", run.Err);
    }

    [Fact]
    public void A_terminal_paired_with_the_servers_own_key_is_refused()
    {
        var run = Configure("same.key", "--terminal", $"T1={ServerPublic("same.key")}");
        Assert.Equal(1, run.Exit);
        Assert.Contains("terminal T1 has the module server's key", run.Err);
        Assert.False(File.Exists(_f.Dir.File("same.key.config.json")));
    }

    [Fact]
    public void The_old_server_key_out_option_is_a_usage_error()
    {
        var run = Cli.Run("module", "configure", "--module", "MRV-CHI", "--authority", _f.Key, "--package", _f.Package,
            "--server-key-out", _f.Dir.File("old.key"), "--slice", _f.ChicagoSlice, "--out", _f.Dir.File("old.json"));
        Assert.Equal(2, run.Exit);
        Assert.False(File.Exists(_f.Dir.File("old.key")));
    }
}
