using System.Diagnostics;
using System.Text;
using Vmre.Common.Signing;

namespace Vmre.Provisioning.Tests.Verification;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

/// <summary>
/// Issue 11 point 7, the duplicate-key document: a module config the authority validly signed
/// whose payload names moduleId twice (.NET took the last, MRV-DAL; a strict outside reader the
/// first, MRV-CHI) is refused by the real `vmre-provision verify` process, with the reason, even
/// though its signature verifies. On main it printed OK.
/// </summary>
public sealed class DuplicateKeyVerifyTests : IDisposable
{
    private readonly Fixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void A_validly_signed_config_with_a_duplicate_key_is_refused_by_the_verify_process()
    {
        var config = _f.Dir.File("module-config.signed.json");
        var payload = Encoding.UTF8.GetBytes("{\"format\":\"vmre-module-config/3\",\"moduleId\":\"MRV-CHI\",\"moduleId\":\"MRV-DAL\"}");
        var authority = SoftwareSigningKey.Load(_f.Key);
        new SignedDocument(SignedDocument.FormatV1, DocumentKinds.ModuleConfig, authority.KeyId,
            Convert.ToBase64String(payload), Convert.ToBase64String(authority.Sign(payload))).WriteFile(config);
        Assert.True(PublicKey.FromPem(File.ReadAllText(_f.Pub)).Verify(payload, authority.Sign(payload)));

        var (exit, output) = VerifyProcess("--authority-pub", _f.Pub, config);

        Assert.Equal(1, exit);
        Assert.Contains($"FAIL {config}: malformed JSON: duplicate property 'moduleId' at $.moduleId", output);
    }

    /// <summary>`vmre-provision verify` as its own process (the assembly built next to this test).</summary>
    private static (int Exit, string Output) VerifyProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vmre-provision.dll"));
        start.ArgumentList.Add("verify");
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
