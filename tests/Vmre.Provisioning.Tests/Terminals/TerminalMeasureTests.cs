using System.Diagnostics;
using System.Security.Cryptography;
using Vmre.Common.Measurement;
using Vmre.Common.Signing;
using Vmre.Provisioning.Authority;

namespace Vmre.Provisioning.Tests.Terminals;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

/// <summary>
/// Issue 10 point 1: `terminal measure` writes the authority-signed manifest of what a terminal
/// runs; its program item is checked against coreutils' sha256sum (an independent implementation
/// of the listing format), its single-file items against the files' own SHA-256.
/// </summary>
public class TerminalMeasureTests : IDisposable
{
    private readonly Fixture _f = new();

    public void Dispose() => _f.Dispose();

    private string Program => _f.Dir.Sub("program");
    private string Data => _f.Dir.Sub("terminal");
    private string Manifest => Path.Combine(Data, MeasurementManifest.FileName);

    public TerminalMeasureTests()
    {
        Directory.CreateDirectory(Path.Combine(Program, "wwwroot", "css"));
        File.WriteAllText(Path.Combine(Program, "vmre-terminal.dll"), "the program");
        File.WriteAllText(Path.Combine(Program, "vmre-terminal.pdb"), "its symbols");
        File.WriteAllText(Path.Combine(Program, "wwwroot", "index.html"), "<html>ballot</html>");
        File.WriteAllText(Path.Combine(Program, "wwwroot", "css", "Ballot.css"), "body{}");
        Directory.CreateDirectory(Data);
        File.WriteAllText(Path.Combine(Data, "terminal.json"), """{"terminalId":"T-CHI-07","publicKeyPem":"(in the TPM)"}""");
        File.Copy(_f.Pub, Path.Combine(Data, "authority.pub.pem"));
        File.Copy(_f.Package, Path.Combine(Data, "election-package.signed.json"));
        File.WriteAllText(Path.Combine(Data, "module-config.signed.json"), "a module config as installed");
    }

    private Cli Measure(string? authority = null) => Cli.Run("terminal", "measure", "--program", Program, "--data", Data,
        "--authority", authority ?? _f.Key, "--out", Manifest);

    private MeasurementManifest Opened() => MeasurementManifest.Load(Manifest, KeyFiles.LoadPublic(_f.Pub).ValueOrThrow()).ValueOrThrow();

    [Fact]
    public void Writes_the_authority_signed_manifest_of_the_program_and_the_installed_configuration()
    {
        var run = Measure();
        Assert.True(run.Exit == 0, run.Err);
        var manifest = Opened();
        Assert.Equal(("T-CHI-07", 13), (manifest.TerminalId, manifest.Pcr));
        Assert.Equal(MeasurementList.Names, manifest.Items.Select(i => i.Name));
        var item = manifest.Items.ToDictionary(i => i.Name, i => i.Sha256);
        Assert.Equal(Sha256Sum(Program, "find . -type f | sed 's|^\\./||' | LC_ALL=C sort"), item["program"]);
        Assert.Equal(Sha256Sum(Data, "printf '%s\\n' authority.pub.pem terminal.json"), item["terminal-config"]);
        Assert.Equal(FileSha256(Path.Combine(Data, "module-config.signed.json")), item["module-config"]);
        Assert.Equal(FileSha256(Path.Combine(Data, "election-package.signed.json")), item["election-package"]);
        // The expected PCR is what four extends from zero give (TPM2_PCR_Event: SHA-256 of each item's 32 bytes).
        var pcr = new byte[32];
        foreach (var i in manifest.Items) pcr = SHA256.HashData([.. pcr, .. SHA256.HashData(Convert.FromHexString(i.Sha256))]);
        Assert.Equal(Convert.ToHexStringLower(pcr), manifest.ExpectedPcr);
        Assert.Contains($"expected PCR 13: {manifest.ExpectedPcr}", run.Out);
        // The hash the zero report prints: SHA-256 of the file as written.
        Assert.Contains($"manifest hash {FileSha256(Manifest)}", run.Out);
    }

    [Fact]
    public void A_changed_program_file_gives_another_program_item_and_another_expected_pcr()
    {
        Assert.Equal(0, Measure().Exit);
        var before = Opened();
        File.AppendAllText(Path.Combine(Program, "wwwroot", "css", "Ballot.css"), " ");
        Assert.Equal(0, Measure().Exit);
        var after = Opened();
        Assert.NotEqual(before.Items[0].Sha256, after.Items[0].Sha256);
        Assert.Equal(before.Items.Skip(1), after.Items.Skip(1));
        Assert.NotEqual(before.ExpectedPcr, after.ExpectedPcr);
    }

    [Fact]
    public void A_folder_without_its_module_config_is_refused_and_nothing_is_written()
    {
        File.Delete(Path.Combine(Data, "module-config.signed.json"));
        var run = Measure();
        Assert.True(run.Exit == 1, run.Err);
        Assert.Contains("has no module-config.signed.json", run.Err);
        Assert.False(File.Exists(Manifest));
    }

    [Fact]
    public void A_folder_holding_another_authority_s_key_is_refused()
    {
        File.WriteAllText(Path.Combine(Data, "authority.pub.pem"), SoftwareSigningKey.Generate().PublicKeyPem);
        var run = Measure();
        Assert.True(run.Exit == 1, run.Err);
        Assert.Contains("another authority's authority.pub.pem", run.Err);
        Assert.False(File.Exists(Manifest));
    }

    [Fact]
    public void A_public_key_given_as_the_authority_is_refused()
    {
        var run = Measure(authority: _f.Pub);
        Assert.True(run.Exit == 1, run.Err);
        Assert.Contains("--authority", run.Err);
        Assert.False(File.Exists(Manifest));
    }

    private static string FileSha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>SHA-256 of `sha256sum`'s output over the files <paramref name="list"/> names, in <paramref name="dir"/>.</summary>
    private static string Sha256Sum(string dir, string list)
    {
        var info = new ProcessStartInfo("sh", ["-c", $"{list} | xargs -d '\\n' sha256sum | sha256sum"])
        { WorkingDirectory = dir, RedirectStandardOutput = true, UseShellExecute = false };
        using var sh = Process.Start(info)!;
        var text = sh.StandardOutput.ReadToEnd();
        sh.WaitForExit();
        Assert.Equal(0, sh.ExitCode);
        return text.Split(' ')[0];
    }
}
