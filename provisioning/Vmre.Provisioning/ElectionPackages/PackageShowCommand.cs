using Vmre.Audit.Documents;
using System.CommandLine;
using Vmre.Cli;
using Vmre.Provisioning.Authority;

namespace Vmre.Provisioning.ElectionPackages;

/// <summary>`package show`: verify a package and print what a voter's ballots will hold.</summary>
public sealed class PackageShowCommand : ICommand
{
    private readonly Argument<string> _file = new("FILE") { Description = "the signed election package" };
    private readonly Option<string> _authorityPub = new("--authority-pub") { Description = "the authority's public key (authority.pub.pem)", Required = true };

    public string Name => "package show";

    public string Description =>
        "Verify and print an election package.\n"
        + "Checks it against the authority's public key and prints it with its hash.\n"
        + "example: vmre-provision package show election-package.json --authority-pub authority/authority.pub.pem";

    public IEnumerable<Symbol> Symbols => [_file, _authorityPub];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var authority = KeyFiles.LoadPublic(parsed.GetRequiredValue(_authorityPub));
        if (!authority.IsOk) return Refusal.Write(error, "--authority-pub: " + authority.Error);
        var path = parsed.GetRequiredValue(_file);
        if (InputFile.Problem(path, "election package") is { } problem) return Refusal.Write(error, problem);
        var verified = ElectionPackageFile.Open(path, authority.Value!);
        if (!verified.IsOk) return Refusal.Write(error, $"{path}: {verified.Error}");
        var (package, hash) = verified.Value!;
        output.WriteLine($"{package.ElectionId} — {package.Name}");
        output.WriteLine($"format {package.Format}; signature OK (key {authority.Value!.KeyId})");
        output.WriteLine($"package hash {hash}");
        output.WriteLine("parties:");
        foreach (var p in package.Parties) output.WriteLine($"  {p.Code,-7} {p.Name}");
        foreach (var c in package.Contests)
        {
            output.WriteLine($"contest {c.Id} — {c.Title} (entidad {c.Entidad}{(c.AllowsWriteIn ? ", write-in allowed" : "")})");
            foreach (var k in c.Candidacies)
            {
                var coalition = k.CoalitionName is null ? "" : $" — {k.CoalitionName}";
                output.WriteLine($"  {k.Candidate} [{string.Join(", ", k.PartyCodes)}]{coalition}");
            }
        }
        foreach (var s in package.BallotStyles)
            output.WriteLine($"ballot style {s.Id} (entidad {s.Entidad}): {string.Join(", ", s.ContestIds)}");
        return ExitCode.Ok;
    }
}
