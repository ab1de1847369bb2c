using System.Text.Json;
using Vmre.Common.Module;
using Vmre.Common.Serialization;

namespace Vmre.Formats.Tests;

/// <summary>
/// Pins docs/formats/module-messages.md, issue 8 point 3: the module command v2
/// (`vmre-module-command/2`: the terminal's challenge echoed, the package hash, the sequence)
/// and the challenge it answers (`vmre-module-challenge/1`). The package hash is the demo
/// package's (<c>ElectionPackageVectorTests.DemoPackageHash</c>).
/// </summary>
public class ModuleCommandV2VectorTests
{
    private const string Challenge = "9d3b6f1c0a2e4857b1c3d5e7f90a2b4c";

    [Fact]
    public void The_v2_command_writes_the_documented_bytes()
    {
        var command = ModuleCommand.Create(ModuleCommandKind.ZeroReport, "MRV-CHI", "T-CHI-01", Challenge,
            ElectionPackageVectorTests.DemoPackageHash, 1);
        Assert.Equal(Vectors.Text("module-command-v2.payload.json"), VmreJson.Text(command));
    }

    [Fact]
    public void The_v2_command_parses_and_reads_with_every_field_named_as_documented()
    {
        var command = ModuleCommandReader.Read(Vectors.Parse<ModuleCommand>("module-command-v2.payload.json")).ValueOrThrow();
        Assert.Equal((ModuleCommand.FormatV2, ModuleCommandKind.ZeroReport, Challenge, 1L),
            (command.Format, command.Command, command.Nonce, command.Sequence!.Value));
        using var doc = JsonDocument.Parse(Vectors.Bytes("module-command-v2.payload.json"));
        Assert.Equal(["format", "command", "moduleId", "terminalId", "nonce", "packageHash", "sequence"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("\"sequence\":1", "\"sequence\":0", "command sequence is missing or not a positive integer")]
    [InlineData(",\"sequence\":1", "", "command sequence is missing or not a positive integer")]
    [InlineData(Challenge, "9D3B6F1C0A2E4857B1C3D5E7F90A2B4C", "command nonce is not 32 lowercase hex digits")]
    [InlineData("vmre-module-command/2", "vmre-module-command/3", "command format 'vmre-module-command/3' is not vmre-module-command/2")]
    public void The_reader_refuses_a_changed_vector_with_its_reason(string from, string to, string reason)
    {
        var changed = Vectors.Text("module-command-v2.payload.json").Replace(from, to);
        var command = VmreJson.Parse<ModuleCommand>(System.Text.Encoding.UTF8.GetBytes(changed)).ValueOrThrow();
        Assert.Equal(reason, ModuleCommandReader.Read(command).Error);
    }

    [Fact]
    public void The_challenge_writes_the_documented_bytes_and_checks()
    {
        var challenge = new ModuleChallenge(ModuleChallenge.FormatV1, Challenge);
        Assert.Equal(Vectors.Text("module-challenge.json"), VmreJson.Text(challenge));
        Assert.True(Vectors.Parse<ModuleChallenge>("module-challenge.json").Check().IsOk);
        Assert.Equal("challenge format 'vmre-module-challenge/2' is not vmre-module-challenge/1",
            (challenge with { Format = "vmre-module-challenge/2" }).Check().Error);
    }
}
