using Vmre.Audit.Documents;
using System.CommandLine;
using Vmre.Cli;
using Vmre.Common.Serialization;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Tools.Testigo;

/// <summary>
/// `decode-testigo`: read a testigo's QR with the strict <see cref="TestigoDecoder"/> the
/// paper recount uses (docs/formats/testigo-qr.md) and print its marks; with a verified
/// election package, name them and check the testigo belongs to that package.
/// </summary>
public sealed class DecodeTestigoCommand(TextReader input) : ICommand
{
    private readonly Argument<string> _source = new("PNG|PAYLOAD|-") { Description = "a PNG of the paper, the payload text, or - for standard input" };
    private readonly Option<string> _package = new("--package") { Description = "a signed election package (as `vmre-provision package build` writes it)" };
    private readonly Option<string> _authorityPub = new("--authority-pub") { Description = "the authority's public key that verifies --package (authority.pub.pem)" };

    public string Name => "decode-testigo";

    public string Description =>
        "Decode a testigo's QR: a PNG of the paper, the payload text (VMRE-T1|...), or - for stdin.\n" +
        "Prints ballot style, testigo id and per contest the marks as JSON; for a voiding notice\n" +
        "(VMRE-V1), the testigo it voids and why. With --package (and the\n" +
        "--authority-pub key that verifies it) also names contests, parties and candidates and checks\n" +
        "the election hash prefix. A malformed payload exits 1 with the decoder's reason.\n" +
        "example: vmre-tools decode-testigo testigo.png --package election-package.json --authority-pub authority/authority.pub.pem";

    public IEnumerable<Symbol> Symbols => [_source, _package, _authorityPub];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var packagePath = parsed.GetValue(_package);
        var keyPath = parsed.GetValue(_authorityPub);
        // rules.md R5: a package is verified before anything is read from it, so the key is required with it.
        if ((packagePath is null) != (keyPath is null))
            return CommandLineProgram.Usage(parsed, error, "--package and --authority-pub go together (the package is verified before use)");

        var text = TestigoSource.Read(parsed.GetRequiredValue(_source), input);
        if (!text.IsOk) return Refusal.Write(error, text.Error!);
        // The testigo box also holds voiding notices (docs/formats/voiding-notice.md): say which
        // testigo a notice voids instead of refusing the paper as a malformed testigo.
        if (text.Value!.StartsWith(VoidingNoticePayload.Tag + "|", StringComparison.Ordinal))
            return DescribeNotice(text.Value, output, error);
        var decoded = TestigoDecoder.Decode(text.Value!);
        if (!decoded.Ok) return Refusal.Write(error, decoded.Reason);

        var json = TestigoJson.Of(decoded.Payload);
        if (packagePath is not null)
        {
            var named = SignedPackage.Open(packagePath, keyPath!).Then(verified => TestigoNaming.Name(decoded.Payload, verified));
            if (!named.IsOk) return Refusal.Write(error, named.Error!);
            json = named.Value!;
        }
        output.WriteLine(VmreJson.Text(json, indented: true));
        return ExitCode.Ok;
    }

    private static int DescribeNotice(string payload, TextWriter output, TextWriter error)
    {
        var notice = VoidingNoticeDecoder.Decode(payload);
        if (!notice.Ok) return Refusal.Write(error, notice.Reason);
        var p = notice.Payload;
        output.WriteLine(VmreJson.Text(new
        {
            format = VoidingNoticePayload.Tag,
            electionHashPrefix = p.ElectionHashPrefix,
            voidsTestigo = p.TestigoId,
            reason = VoidReasonCodes.CodeOf(p.Reason),
            reasonText = VoidReasonCodes.SpanishOf(p.Reason),
        }, indented: true));
        return ExitCode.Ok;
    }
}
