using Vmre.Audit.Paper;
using Vmre.Common.Serialization;
using Vmre.Firmware.Testigo;
using Vmre.Tools.Cli;

namespace Vmre.Tools.Testigo;

/// <summary>
/// Where `decode-testigo` gets its codes from: a PNG of the paper (every QR and Code128 read with
/// the audit's <see cref="PageImageReader"/>, as the paper recount reads it: rules.md R1), `-` for
/// standard input, or the text itself: a testigo payload (VMRE-T2) or a mark (VMRE-M1).
/// </summary>
public static class TestigoSource
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The codes, and whether they came off a paper image (only then does the recount's verdict apply).</summary>
    public static Parsed<(PageSymbols Codes, bool FromImage)> Read(string argument, TextReader input)
    {
        if (argument == "-") return Text(TextArgument.Read(argument, input).TrimEnd('\r', '\n'));
        if (!File.Exists(argument)) return Text(argument);
        var bytes = File.ReadAllBytes(argument);
        if (!bytes.AsSpan().StartsWith(PngSignature)) return Parsed<(PageSymbols, bool)>.Fail($"{argument} is not a PNG image");
        var codes = PageImageReader.Read(bytes);
        if (codes.QrTexts.Length == 0 && codes.Code128Texts.Length == 0)
            return Parsed<(PageSymbols, bool)>.Fail($"no QR code or mark barcode found in {argument}");
        if (codes.QrTexts.Length > 1)
            return Parsed<(PageSymbols, bool)>.Fail($"{argument} holds {codes.QrTexts.Length} QR codes; a testigo has one");
        return Parsed<(PageSymbols, bool)>.Ok((codes, true));
    }

    private static Parsed<(PageSymbols, bool)> Text(string text) =>
        Parsed<(PageSymbols, bool)>.Ok((text.StartsWith(TestigoMark.Tag + "|", StringComparison.Ordinal)
            ? new PageSymbols([], [text]) : new PageSymbols([text], []), false));
}
