using Vmre.Common.Signing;
using Vmre.Provisioning.Authority;

namespace Vmre.Provisioning.Tests;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

/// <summary>
/// Issue 7.5: every bad input is a refusal, exit 1, that names the problem and leaves nothing
/// half-written: a key of the wrong type or role, a missing or unreadable file.
/// </summary>
public class CliRefusalTests : IDisposable
{
    private readonly Fixture _f = new();

    public void Dispose() => _f.Dispose();

    /// <summary>A module server key as `module configure` wrote it before the key moved into the server's TPM (issue 8 point 2).</summary>
    private string ServerKey()
    {
        var path = _f.Dir.File("chi/server.key");
        Directory.CreateDirectory(_f.Dir.File("chi"));
        Assert.True(KeyFiles.SavePrivate(SoftwareSigningKey.Generate(), path, KeyRole.ModuleServer));
        return path;
    }

    /// <summary>A module server's TPM public key, as `vmre-module-server provision` writes it.</summary>
    private string ServerPublic(string name)
    {
        var path = _f.Dir.File(name);
        File.WriteAllText(path, SoftwareSigningKey.Generate().PublicKeyPem);
        return path;
    }

    private static void AssertRefused(Cli run, string reason)
    {
        Assert.True(run.Exit == 1, $"exit {run.Exit}: {run.Err}");
        Assert.Contains(reason, run.Err);
        Assert.DoesNotContain("   at ", run.Err); // a reason, never a stack trace
    }

    [Fact]
    public void Authority_init_labels_the_key_with_its_role()
    {
        var text = File.ReadAllText(_f.Key);
        Assert.StartsWith("VMRE-Key-Role: authority\n-----BEGIN PRIVATE KEY-----", text);
        Assert.Equal(KeyRole.Authority, KeyRoleLabel.Read(text).Role);
    }

    [Fact]
    public void Package_build_refuses_a_public_key_as_authority()
    {
        var out_ = _f.Dir.File("p.json");
        AssertRefused(Cli.Run("package", "build", "--authority", _f.Pub, "--out", out_), "holds no private key");
        Assert.False(File.Exists(out_));
    }

    [Fact]
    public void Package_build_refuses_the_module_server_key_as_authority()
    {
        var out_ = _f.Dir.File("p.json");
        var run = Cli.Run("package", "build", "--authority", ServerKey(), "--out", out_);
        AssertRefused(run, "is a module server key");
        Assert.Contains("expected the authority key", run.Err);
        Assert.False(File.Exists(out_));
    }

    [Fact]
    public void A_private_key_without_a_role_is_refused()
    {
        var bare = _f.Dir.File("bare.key");
        SoftwareSigningKey.Generate().Save(bare);
        AssertRefused(Cli.Run("package", "build", "--authority", bare, "--out", _f.Dir.File("p.json")), "carries no VMRE key role");
    }

    [Fact]
    public void Lnere_slice_refuses_a_public_key_as_authority()
    {
        var lnere = _f.Dir.File("l.csv");
        Assert.Equal(0, Cli.Run("lnere", "generate", "--seed", "1", "--out", lnere).Exit);
        var out_ = _f.Dir.File("s.json");
        AssertRefused(Cli.Run("lnere", "slice", "--lnere", lnere, "--module", "MRV-CHI", "--authority", _f.Pub, "--out", out_),
            "--authority: " + _f.Pub + " holds no private key");
        Assert.False(File.Exists(out_));
    }

    [Fact]
    public void Lnere_slice_refuses_a_missing_or_unreadable_lnere()
    {
        var out_ = _f.Dir.File("s.json");
        AssertRefused(Cli.Run("lnere", "slice", "--lnere", _f.Dir.File("none.csv"), "--module", "MRV-CHI", "--authority", _f.Key, "--out", out_),
            "none.csv does not exist");
        AssertRefused(Cli.Run("lnere", "slice", "--lnere", _f.Dir.Path, "--module", "MRV-CHI", "--authority", _f.Key, "--out", out_),
            "is a directory, not a file");
        Assert.False(File.Exists(out_));
    }

    [Fact]
    public void Module_configure_refused_leaves_no_config_and_the_retry_works()
    {
        var config = _f.Dir.File("mtl/module-config.json");
        Directory.CreateDirectory(_f.Dir.File("mtl"));
        var server = ServerPublic("mtl/server-public.pem");
        string[] Args(string authority) =>
        [
            "module", "configure", "--module", "MRV-CHI", "--authority", authority, "--package", _f.Package,
            "--server-public", server, "--slice", _f.ChicagoSlice, "--out", config,
        ];
        AssertRefused(Cli.Run(Args(_f.Pub)), "holds no private key");
        Assert.False(File.Exists(config));

        var retry = Cli.Run(Args(_f.Key));
        Assert.True(retry.Exit == 0, retry.Err);
        Assert.True(File.Exists(config));
    }

    [Fact]
    public void Module_configure_refuses_a_private_key_or_the_authority_key_as_the_server_public_key()
    {
        string[] Args(string server) =>
        [
            "module", "configure", "--module", "MRV-CHI", "--authority", _f.Key, "--package", _f.Package,
            "--server-public", server, "--slice", _f.ChicagoSlice, "--out", _f.Dir.File("x.json"),
        ];
        AssertRefused(Cli.Run(Args(ServerKey())), "--server-public: ");
        AssertRefused(Cli.Run(Args(_f.Pub)), "--server-public is the authority's key");
        AssertRefused(Cli.Run(Args(_f.Dir.File("none.pem"))), "none.pem");
        Assert.False(File.Exists(_f.Dir.File("x.json")));
    }

    [Fact]
    public void Package_show_and_verify_refuse_a_private_key_as_the_public_one()
    {
        AssertRefused(Cli.Run("package", "show", _f.Package, "--authority-pub", _f.Key), "is a private key");
        AssertRefused(Cli.Run("verify", "--authority-pub", _f.Key, _f.Package), "is a private key");
    }

    [Fact]
    public void Verify_names_a_missing_file()
    {
        var run = Cli.Run("verify", "--authority-pub", _f.Pub, _f.Package, _f.Dir.File("gone.json"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("OK   " + _f.Package, run.Out);
        Assert.Contains("FAIL " + _f.Dir.File("gone.json") + ": file " + _f.Dir.File("gone.json") + " does not exist", run.Out);
    }

    [Fact]
    public void Logs_commands_refuse_a_missing_log()
    {
        AssertRefused(Cli.Run("logs", "verify", "--log", _f.Dir.File("none.jsonl")), "none.jsonl does not exist");
        var out_ = _f.Dir.File("n.json");
        AssertRefused(Cli.Run("logs", "export", "--log", _f.Dir.Path, "--device", "MRV-CHI", "--device-type", "dre-controller", "--out", out_),
            "is a directory, not a file");
        Assert.False(File.Exists(out_));
    }

    [Fact]
    public void Package_build_into_a_missing_place_is_refused_not_a_crash()
    {
        File.WriteAllText(_f.Dir.File("plain"), "a file, not a folder");
        AssertRefused(Cli.Run("package", "build", "--authority", _f.Key, "--out", _f.Dir.File("plain/p.json")), "plain");
    }

    [Theory]
    [InlineData("--walk-in-cap", "-1")]
    [InlineData("--walk-in-cap", "many")]
    public void A_malformed_number_is_a_usage_error(string option, string value)
    {
        var run = Cli.Run("module", "configure", "--module", "MRV-CHI", "--authority", _f.Key, "--package", _f.Package,
            "--server-public", ServerPublic("n.pem"), "--slice", _f.ChicagoSlice, "--out", _f.Dir.File("n.json"), option, value);
        Assert.Equal(2, run.Exit);
        Assert.Contains(option, run.Err);
        Assert.False(File.Exists(_f.Dir.File("n.json")));
    }
}
