using Vmre.Audit.Documents;
using Vmre.Provisioning.Authority;
using Vmre.Provisioning.Cli;

namespace Vmre.Provisioning.ElectionPackages;

/// <summary>`package show`: verify a package and print what a voter's ballots will hold.</summary>
public sealed class PackageShowCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "package show",
        "Verify and print an election package.\nChecks it against the authority's public key and prints it with its hash.",
        [OptionSpec.Need("--authority-pub", "the authority's public key (authority.pub.pem)")],
        Positionals: "FILE", MinPositionals: 1, MaxPositionals: 1,
        Example: "vmre-provision package show election-package.json --authority-pub authority/authority.pub.pem");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var authority = KeyFiles.LoadPublic(args.Value("--authority-pub"));
        if (!authority.IsOk) return Refusal.Write(error, authority.Error!);
        var path = args.Positionals[0];
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
