using System.CommandLine;
using Vmre.Audit.Paper;
using Vmre.Cli;
using Vmre.Common.Serialization;
using Vmre.Firmware.Testigo;

namespace Vmre.Tools.Testigo;

/// <summary>
/// `decode-testigo`: read a testigo's QR with the strict <see cref="TestigoDecoder"/> the paper
/// recount uses (docs/formats/testigo-qr.md, VMRE-T2) and print its marks; read off a paper image,
/// also its VMRE-M1 marks and what the recount makes of the paper (docs/formats/testigo-marks.md).
/// With a verified election package, name the marks and check the testigo belongs to it. Retired
/// formats (VMRE-T1, VMRE-V1) are refused by name (issue 9 point 5).
/// </summary>
public sealed class DecodeTestigoCommand(TextReader input) : ICommand
{
    private readonly Argument<string> _source = new("PNG|PAYLOAD|-") { Description = "a PNG of the paper, the payload or mark text, or - for standard input" };
    private readonly Option<string> _package = new("--package") { Description = "a signed election package (as `vmre-provision package build` writes it)" };
    private readonly Option<string> _authorityPub = new("--authority-pub") { Description = "the authority's public key that verifies --package (authority.pub.pem)" };

    public string Name => "decode-testigo";

    public string Description =>
        "Decode a testigo: a PNG of the paper, the payload text (VMRE-T2|...) or a mark (VMRE-M1|...),\n" +
        "or - for stdin. Prints ballot style and per contest the marks as JSON; from a PNG also the\n" +
        "paper's marks (EMITIDO, ANULADO and why) and whether the recount counts it. A voided paper\n" +
        "(its testigo printed over) prints its ANULADO mark. With --package (and the --authority-pub\n" +
        "key that verifies it) also names contests, parties and candidates and checks the election\n" +
        "hash prefix. A malformed payload, or a retired VMRE-T1 testigo or VMRE-V1 notice, exits 1\n" +
        "with the decoder's reason.\n" +
        "example: vmre-tools decode-testigo testigo.png --package election-package.json --authority-pub authority/authority.pub.pem";

    public IEnumerable<Symbol> Symbols => [_source, _package, _authorityPub];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var packagePath = parsed.GetValue(_package);
        var keyPath = parsed.GetValue(_authorityPub);
        // rules.md R5: a package is verified before anything is read from it, so the key is required with it.
        if ((packagePath is null) != (keyPath is null))
            return CommandLineProgram.Usage(parsed, error, "--package and --authority-pub go together (the package is verified before use)");

        var source = TestigoSource.Read(parsed.GetRequiredValue(_source), input);
        if (!source.IsOk) return Refusal.Write(error, source.Error!);
        var (codes, fromImage) = source.Value;
        foreach (var qr in codes.QrTexts)
            if (OldPaperFormats.RefusalOf(qr) is { } retired) return Refusal.Write(error, retired);
        if (codes.QrTexts.Length == 0) return DescribeMarks(codes, fromImage, output, error);

        var decoded = TestigoDecoder.Decode(codes.QrTexts[0]);
        if (!decoded.Ok) return Refusal.Write(error, decoded.Reason);
        var json = TestigoJson.Of(decoded.Payload);
        if (packagePath is not null)
        {
            var named = SignedPackage.Open(packagePath, keyPath!).Then(verified => TestigoNaming.Name(decoded.Payload, verified));
            if (!named.IsOk) return Refusal.Write(error, named.Error!);
            json = named.Value!;
        }
        if (fromImage) json = json with { Paper = Paper(codes) };
        output.WriteLine(VmreJson.Text(json, indented: true));
        return ExitCode.Ok;
    }

    /// <summary>
    /// No QR: a mark text, or a paper whose testigo does not read — a voided one, its testigo under
    /// the band, or a fragment. Its marks and the recount's verdict are what there is to say.
    /// </summary>
    private static int DescribeMarks(PageSymbols codes, bool fromImage, TextWriter output, TextWriter error)
    {
        var marks = codes.Code128Texts.Select(TestigoMarkDecoder.Decode).ToList();
        if (!fromImage)
        {
            var mark = marks.Single();
            if (!mark.Ok) return Refusal.Write(error, mark.Reason);
            output.WriteLine(VmreJson.Text(MarkJson.Of(mark.Mark), indented: true));
            return ExitCode.Ok;
        }
        if (!marks.Any(m => m.Ok)) return Refusal.Write(error, "no testigo QR and no VMRE-M1 mark reads on the paper: " + marks.First().Reason);
        output.WriteLine(VmreJson.Text(Paper(codes), indented: true));
        return ExitCode.Ok;
    }

    private static PaperJson Paper(PageSymbols codes)
    {
        var read = PaperRecount.Classify(codes);
        var marks = codes.Code128Texts.Select(TestigoMarkDecoder.Decode).Where(m => m.Ok).Select(m => MarkJson.Of(m.Mark)).ToArray();
        return new PaperJson(marks, VmreJson.Text(read.Verdict).Trim('"'), read.Finding);
    }
}
