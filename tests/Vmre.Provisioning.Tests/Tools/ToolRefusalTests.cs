using Vmre.Firmware.Testigo;

namespace Vmre.Provisioning.Tests.Tools;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

/// <summary>Issue 7.5: `vmre-tools` refuses bad input by name, exit 1: a directory or missing file, a private key as the public one.</summary>
public class ToolRefusalTests : IDisposable
{
    private readonly Fixture _f = new();

    public void Dispose() => _f.Dispose();

    /// <summary>A well-formed testigo payload, so the refusal comes from the package or key, not the decoder.</summary>
    private static string Payload() =>
        TestigoTickets.Payload("00000000", ContestMarks.Nothing("GOB-05"));

    [Fact]
    public void Render_escpos_refuses_a_directory_as_its_capture()
    {
        var run = ToolCli.Run("render-escpos", _f.Dir.Path, "--out", _f.Dir.File("t.png"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("is a directory, not a file", run.Err);
        Assert.False(File.Exists(_f.Dir.File("t.png")));
    }

    [Fact]
    public void Decode_testigo_refuses_a_private_key_as_the_authority_public_key()
    {
        var run = ToolCli.Run("decode-testigo", Payload(), "--package", _f.Package, "--authority-pub", _f.Key);
        Assert.Equal(1, run.Exit);
        Assert.Contains($"--authority-pub {_f.Key} is a private key", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Decode_testigo_refuses_a_missing_package()
    {
        var run = ToolCli.Run("decode-testigo", Payload(), "--package", _f.Dir.File("none.json"), "--authority-pub", _f.Pub);
        Assert.Equal(1, run.Exit);
        Assert.Contains("none.json does not exist", run.Err);
    }
}
