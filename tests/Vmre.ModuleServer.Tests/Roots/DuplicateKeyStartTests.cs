using System.Diagnostics;
using System.Text;
using Vmre.Common.Signing;
using Vmre.HardwareSim.Tpm;
using Vmre.ModuleServer.Tests.Support;
using Vmre.ModuleServer.Tpm;

namespace Vmre.ModuleServer.Tests.Roots;

/// <summary>
/// Issue 11 point 7, the duplicate-key document: a module config the authority validly signed
/// whose payload names moduleId twice (.NET read the last, a strict outside reader the first) is
/// refused by the real vmre-module-server process at start, with the reason, logged
/// module-server-refused. On main the server started, reading the last key.
/// </summary>
public sealed class DuplicateKeyStartTests
{
    [Fact]
    public async Task The_server_process_refuses_a_validly_signed_config_with_a_duplicate_key()
    {
        await using var module = await TestModule.Prepare();
        // Review finding 1: the server checks its TPM's authority fingerprint before it reads any
        // document, so the process needs a provisioned (real, swtpm) TPM to reach the config.
        using var dir = new TempDir();
        using var swtpm = SwtpmInstance.Start(dir.Sub("swtpm"));
        Assert.Equal(0, ServerProvisioning.Run(module.Dir, swtpm.Tcti, Path.Combine(module.Dir, "authority.pub.pem"), TextWriter.Null, TextWriter.Null));
        var file = Path.Combine(module.Dir, "module-config.signed.json");
        var payload = Encoding.UTF8.GetString(SignedDocument.ReadFile(file).ValueOrThrow().PayloadBytes());
        var moduleId = $"\"moduleId\":\"{TestElection.ModuleId}\",";
        Assert.Contains(moduleId, payload);
        var doubled = Encoding.UTF8.GetBytes(payload.Replace(moduleId, moduleId + "\"moduleId\":\"MRV-DAL\",", StringComparison.Ordinal));
        new SignedDocument(SignedDocument.FormatV1, DocumentKinds.ModuleConfig, module.Authority.KeyId,
            Convert.ToBase64String(doubled), Convert.ToBase64String(module.Authority.Sign(doubled))).WriteFile(file);

        var (exit, stderr) = RunServer("run", "--data", module.Dir, "--kiosk", "http://127.0.0.1:0", "--lan", "https://127.0.0.1:0", "--tcti", swtpm.Tcti);

        Assert.Equal(1, exit);
        Assert.Contains("refused to start: ", stderr);
        Assert.Contains("malformed JSON: duplicate property 'moduleId' at $.moduleId", stderr);
        Assert.Contains(module.LogLines(), l => l.Contains("\"module-server-refused\"", StringComparison.Ordinal)
            && l.Contains("duplicate property 'moduleId'", StringComparison.Ordinal));
    }

    /// <summary>The vmre-module-server executable built next to these tests, as its own process.</summary>
    private static (int Exit, string Stderr) RunServer(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vmre-module-server.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120))) { process.Kill(entireProcessTree: true); Assert.Fail("the server did not exit: " + stdout.Result + stderr); }
        return (process.ExitCode, stderr);
    }
}
