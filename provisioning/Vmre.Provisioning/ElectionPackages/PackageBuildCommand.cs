using Vmre.Audit.Documents;
using Vmre.Provisioning.Authority;
using System.CommandLine;
using Vmre.Cli;
using Vmre.Common.Election;
using Vmre.Provisioning.Authority;

namespace Vmre.Provisioning.ElectionPackages;

/// <summary>`package build`: sign the demo election package (brief section 2, "Before").</summary>
public sealed class PackageBuildCommand : ICommand
{
    private readonly Option<string> _authority = new("--authority") { Description = "the authority's private key (authority.key)", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "file to write the signed package to", Required = true };

    public string Name => "package build";

    public string Description =>
        "Build and sign the demo election package.\n"
        + "The 2023 governor races of Coahuila and Estado de México, signed with the authority key.\n"
        + "example: vmre-provision package build --authority authority/authority.key --out election-package.json";

    public IEnumerable<Symbol> Symbols => [_authority, _out];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var key = KeyFiles.LoadPrivate(parsed.GetRequiredValue(_authority), KeyRole.Authority);
        if (!key.IsOk) return Refusal.Write(error, "--authority: " + key.Error);
        var package = DemoElection.Pel2023();
        var signed = ElectionPackageFile.Sign(package, key.Value!);
        var path = parsed.GetRequiredValue(_out);
        signed.WriteFile(path);
        output.WriteLine($"wrote {path}: election package {package.ElectionId}, {package.Contests.Count} contests, {package.BallotStyles.Count} ballot styles");
        output.WriteLine($"package hash {PackageHash.Of(signed.PayloadBytes())}");
        output.WriteLine($"signed by {signed.KeyId}");
        return ExitCode.Ok;
    }
}
