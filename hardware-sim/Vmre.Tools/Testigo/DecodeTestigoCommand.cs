using Vmre.Common.Serialization;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.Provisioning.Authority;
using Vmre.Provisioning.Cli;
using Vmre.Provisioning.ElectionPackages;
using Vmre.Tools.Cli;

namespace Vmre.Tools.Testigo;

/// <summary>
/// `decode-testigo`: read a testigo's QR with the strict <see cref="TestigoDecoder"/> the
/// paper recount uses (docs/formats/testigo-qr.md) and print its marks; with a verified
/// election package, name them and check the testigo belongs to that package.
/// </summary>
public sealed class DecodeTestigoCommand(TextReader input) : ICommand
{
    public CommandSpec Spec { get; } = new(
        "decode-testigo",
        "Decode a testigo's QR: a PNG of the paper, the payload text (VMRE-T1|...), or - for stdin.\n" +
        "Prints ballot style, testigo id and per contest the marks as JSON; for a voiding notice\n" +
        "(VMRE-V1), the testigo it voids and why. With --package (and the\n" +
        "--authority-pub key that verifies it) also names contests, parties and candidates and checks\n" +
        "the election hash prefix. A malformed payload exits 1 with the decoder's reason.",
        [
            OptionSpec.May("--package", "a signed election package (as `vmre-provision package build` writes it)"),
            OptionSpec.May("--authority-pub", "the authority's public key that verifies --package (authority.pub.pem)"),
        ],
        Positionals: "PNG|PAYLOAD|-", MinPositionals: 1, MaxPositionals: 1,
        Example: "vmre-tools decode-testigo testigo.png --package election-package.json --authority-pub authority/authority.pub.pem");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var packagePath = args.Optional("--package");
        var keyPath = args.Optional("--authority-pub");
        // Brief rule 5: a package is verified before anything is read from it, so the key is required with it.
        if ((packagePath is null) != (keyPath is null))
            return ToolTable.Usage(error, Spec, "--package and --authority-pub go together (the package is verified before use)");

        var text = TestigoSource.Read(args.Positionals[0], input);
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
            var named = OpenPackage(packagePath, keyPath!).Then(verified => TestigoNaming.Name(decoded.Payload, verified));
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

    private static Parsed<VerifiedPackage> OpenPackage(string path, string keyPath)
    {
        var key = KeyFiles.LoadPublic(keyPath);
        if (!key.IsOk) return Parsed<VerifiedPackage>.Fail(key.Error!);
        var opened = ElectionPackageFile.Open(path, key.Value!);
        return opened.IsOk ? opened : Parsed<VerifiedPackage>.Fail($"{path}: {opened.Error}");
    }
}
