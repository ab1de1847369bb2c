using Vmre.Audit.Paper;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;

namespace Vmre.Provisioning.Tests.Tools;

public sealed class RenderEscPosTests : IDisposable
{
    private readonly TempDir _dir = new();

    /// <summary>An accepted testigo paper (body, VOTO EMITIDO, cut) whose QR says "GOB-05=" + party.</summary>
    private static byte[] Testigo(string party) =>
        TestigoTickets.Accepted(TestigoTickets.Payload("3f2a9c1b", ContestMarks.Parties("GOB-05", party)), new string('a', 64));

    [Fact]
    public void Each_cut_page_and_the_rest_after_the_last_cut_become_numbered_pngs()
    {
        var ids = new[] { "MORENA", "PAN" };
        byte[] stream = [.. Testigo(ids[0]), .. Testigo(ids[1]), .. "SIN CORTE\n"u8];
        var file = _dir.File("roll.bin");
        File.WriteAllBytes(file, stream);

        var run = ToolCli.Run("render-escpos", file, "--out", _dir.File("roll.png"));

        Assert.Equal(0, run.Exit);
        Assert.Contains("pages: 3", run.Out);
        Assert.False(File.Exists(_dir.File("roll.png")));
        for (int page = 0; page < 2; page++)
        {
            var qr = QrImageDecoder.Decode(File.ReadAllBytes(_dir.File($"roll-{page + 1}.png")));
            Assert.EndsWith("GOB-05=" + ids[page], Assert.Single(qr));
        }
        Assert.Empty(QrImageDecoder.Decode(File.ReadAllBytes(_dir.File("roll-3.png"))));
    }

    [Fact]
    public void Unknown_commands_are_named_in_the_summary()
    {
        var file = _dir.File("odd.bin");
        File.WriteAllBytes(file, [.. "HOLA"u8, 0x1B, 0x7B, 0x01, 0x0A, 0x1D, 0x56, 0x00]); // ESC { n: upside down, not emulated
        var run = ToolCli.Run("render-escpos", file, "--out", _dir.File("odd.png"));
        Assert.Equal(0, run.Exit);
        Assert.Contains("notices: 1", run.Out);
        Assert.Contains("unknown command: ESC 0x7B", run.Out);
        Assert.True(File.Exists(_dir.File("odd.png")));
    }

    [Fact]
    public void Width_58_renders_a_384_dot_page_whose_qr_reads_and_other_widths_are_usage_errors()
    {
        var file = _dir.File("t.bin");
        File.WriteAllBytes(file, Testigo("MC"));
        var narrow = ToolCli.Run("render-escpos", file, "--out", _dir.File("t.png"), "--width", "58");
        Assert.Equal(0, narrow.Exit);
        var png = File.ReadAllBytes(_dir.File("t.png"));
        using (var image = SkiaSharp.SKBitmap.Decode(png)) Assert.Equal(384, image.Width);
        Assert.EndsWith("GOB-05=MC", Assert.Single(QrImageDecoder.Decode(png)));
        Assert.Equal(2, ToolCli.Run("render-escpos", file, "--out", _dir.File("t.png"), "--width", "76").Exit);
        Assert.Equal(0, ToolCli.Run("render-escpos", file, "--out", _dir.File("t.png"), "--width", "80").Exit);
    }

    [Fact]
    public void A_missing_or_empty_stream_is_rejected()
    {
        Assert.Equal(1, ToolCli.Run("render-escpos", _dir.File("none.bin"), "--out", _dir.File("n.png")).Exit);
        var empty = _dir.File("empty.bin");
        File.WriteAllBytes(empty, []);
        var run = ToolCli.Run("render-escpos", empty, "--out", _dir.File("e.png"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("nothing was printed", run.Err);
    }

    public void Dispose() => _dir.Dispose();
}
