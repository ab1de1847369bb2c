using Vmre.Audit.Paper;
using Vmre.Common.Serialization;
using Vmre.HardwareSim.Printer;
using Vmre.Tools.Cli;

namespace Vmre.Tools.Testigo;

/// <summary>
/// Where `decode-testigo` gets the QR text from: a PNG of the paper (its QR read with the
/// simulator's <see cref="QrImageDecoder"/>, as the paper recount reads it: rules.md R1),
/// `-` for standard input, or the payload text itself.
/// </summary>
public static class TestigoSource
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static Parsed<string> Read(string argument, TextReader input)
    {
        if (argument == "-") return Parsed<string>.Ok(TextArgument.Read(argument, input).TrimEnd('\r', '\n'));
        if (!File.Exists(argument)) return Parsed<string>.Ok(argument);
        var bytes = File.ReadAllBytes(argument);
        if (!bytes.AsSpan().StartsWith(PngSignature)) return Parsed<string>.Fail($"{argument} is not a PNG image");
        var texts = QrImageDecoder.Decode(bytes);
        return texts.Length switch
        {
            0 => Parsed<string>.Fail($"no QR code found in {argument}"),
            1 => Parsed<string>.Ok(texts[0]),
            _ => Parsed<string>.Fail($"{argument} holds {texts.Length} QR codes; a testigo has one"),
        };
    }
}
