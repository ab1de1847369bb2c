using Vmre.Audit.Documents;
using Vmre.Provisioning.Authority;
using Vmre.Common.Election;
using Vmre.Provisioning.Cli;

namespace Vmre.Provisioning.ElectionPackages;

/// <summary>`package build`: sign the demo election package (brief section 2, "Before").</summary>
public sealed class PackageBuildCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "package build",
        "Build and sign the demo election package.\nThe 2023 governor races of Coahuila and Estado de México, signed with the authority key.",
        [
            OptionSpec.Need("--authority", "the authority's private key (authority.key)"),
            OptionSpec.Need("--out", "file to write the signed package to"),
        ],
        Example: "vmre-provision package build --authority authority/authority.key --out election-package.json");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var key = KeyFiles.LoadPrivate(args.Value("--authority"));
        if (!key.IsOk) return Refusal.Write(error, key.Error!);
        var package = DemoElection.Pel2023();
        var signed = ElectionPackageFile.Sign(package, key.Value!);
        var path = args.Value("--out");
        signed.WriteFile(path);
        output.WriteLine($"wrote {path}: election package {package.ElectionId}, {package.Contests.Count} contests, {package.BallotStyles.Count} ballot styles");
        output.WriteLine($"package hash {PackageHash.Of(signed.PayloadBytes())}");
        output.WriteLine($"signed by {signed.KeyId}");
        return ExitCode.Ok;
    }
}
