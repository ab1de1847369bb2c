using Vmre.Common.Protocol;
using Microsoft.AspNetCore.Builder;
using Vmre.Common.Lnere;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Hosting;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Startup;

/// <summary>rules.md R5: a module whose signed inputs do not verify refuses to start, and says why.</summary>
public class StartupTests
{
    [Fact]
    public async Task Starts_with_verified_inputs_and_imports_the_slice()
    {
        await using var module = await TestModule.Started();
        var status = await module.Status();
        Assert.Equal(TestElection.Voters.Length, status.VotersInSlice);
        Assert.Equal(Vmre.Common.Protocol.PollsState.NotOpen, status.State);
        Assert.Contains(module.LogLines(), l => l.Contains("\"module-server-started\""));
    }

    [Fact]
    public async Task Refuses_a_tampered_slice()
    {
        await using var module = await TestModule.Prepare();
        var path = Path.Combine(module.Dir, "lnere-slice.signed.json");
        var envelope = SignedDocument.ReadFile(path).ValueOrThrow();
        var tampered = TestElection.Slice() with { Voters = [.. TestElection.Voters, new SliceVoter("INTRUS00000009H009", "900000009", "X", "Y", "05", "CPV")] };
        (envelope with { Payload = Convert.ToBase64String(Vmre.Common.Serialization.VmreJson.Bytes(tampered)) }).WriteFile(path);

        var built = module.Build();
        Assert.False(built.IsOk);
        Assert.Contains("bad signature on lnere-slice", built.Error);
        Assert.Contains(module.LogLines(), l => l.Contains("module-server-refused") && l.Contains("bad signature"));
    }

    [Fact]
    public Task Refuses_a_config_signed_by_someone_else() => AssertRefused(
        m => m.Sign(DocumentKinds.ModuleConfig, m.Config(), "module-config.signed.json", SoftwareSigningKey.Generate()),
        "module-config.signed.json");

    [Fact]
    public Task Refuses_a_package_that_is_not_the_one_the_config_names() => AssertRefused(
        m => m.Sign(DocumentKinds.ElectionPackage, m.Package with { Name = "otra elección" }, "election-package.signed.json"),
        "hashes to");

    [Fact]
    public Task Refuses_a_slice_of_another_module() => AssertRefused(
        m => m.Sign(DocumentKinds.LnereSlice, TestElection.Slice("MRV-DAL"), "lnere-slice.signed.json"),
        "slice is for module MRV-DAL");

    [Fact]
    public Task Refuses_a_server_key_that_is_not_the_paired_one() => AssertRefused(
        _ => { },
        "the supplied server key is key",
        m => ModuleServerApp.Build(m.Options() with { ServerKey = SoftwareSigningKey.Generate() }));

    [Fact]
    public Task Refuses_a_software_server_key_left_in_the_data_folder() => AssertRefused(
        m => m.ServerKey.Save(Path.Combine(m.Dir, "server.key")),
        "server.key found in");

    [Fact]
    public Task Refuses_a_printer_that_cannot_be_opened() => AssertRefused(
        _ => { },
        "printer /nonexistent/printer cannot be opened",
        m => ModuleServerApp.Build(m.Options() with { Printer = null, PrinterPath = "/nonexistent/printer" }));

    /// <summary>Prepares a module's inputs, spoils one, and checks the build refuses with the given reason.</summary>
    private static async Task AssertRefused(Action<TestModule> spoil, string reason,
        Func<TestModule, Parsed<Vmre.ModuleServer.Faces.ModuleServerFaces>>? build = null)
    {
        await using var module = await TestModule.Prepare();
        spoil(module);
        var built = build is null ? module.Build() : build(module);
        Assert.False(built.IsOk);
        Assert.Contains(reason, built.Error);
    }

    [Fact]
    public void Command_line_is_parsed_at_the_boundary()
    {
        var ok = CommandLine.Parse(["run", "--data", "/d", "--lan", "https://10.0.0.2:5443", "--printer", "/dev/pts/3",
            "--terminal", "T1=https://10.0.0.11:5443", "--terminal", "T2=https://10.0.0.12:5443"]);
        Assert.True(ok.IsOk, ok.Error);
        Assert.Equal("/dev/pts/3", ok.Value!.PrinterPath);
        Assert.Equal("https://10.0.0.12:5443", ok.Value.TerminalUrls["T2"]);
        Assert.Equal("http://127.0.0.1:5000", ok.Value.KioskUrl); // the desk on loopback unless told otherwise
        Assert.Equal("device:/dev/tpmrm0", ok.Value.Tcti); // the kernel's resource manager unless told otherwise
        Assert.Null(ok.Value.ServerKey); // the executable never supplies a key: it signs in its TPM
        Assert.False(CommandLine.Parse(["run", "--data", "/d"]).IsOk);
        Assert.False(CommandLine.Parse(["run", "--data", "/d", "--lan", "https://10.0.0.2:5443", "--terminal", "T1"]).IsOk);
        Assert.False(CommandLine.Parse(["run", "--data", "/d", "--lan", "https://10.0.0.2:5443", "--bogus", "x"]).IsOk);
        // Issue 8: a terminal in clear text is refused at the command line.
        Assert.False(CommandLine.Parse(["run", "--data", "/d", "--lan", "https://10.0.0.2:5443", "--terminal", "T1=http://10.0.0.11:5080"]).IsOk);
    }
}
