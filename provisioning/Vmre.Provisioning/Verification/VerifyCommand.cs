using Vmre.Audit.Documents;
using Vmre.Provisioning.Authority;
using Vmre.Provisioning.Cli;

namespace Vmre.Provisioning.Verification;

/// <summary>`verify`: the auditor's check of everything the authority signed (brief section 2.6).</summary>
public sealed class VerifyCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "verify",
        "Verify documents the authority signed.\nElection packages, LNERE slices and module configs, against the authority's public key. Prints OK or FAIL with the reason for each file; exits 1 if any fails.",
        [OptionSpec.Need("--authority-pub", "the authority's public key (authority.pub.pem)")],
        Positionals: "FILE [FILE...]", MinPositionals: 1, MaxPositionals: int.MaxValue,
        Example: "vmre-provision verify --authority-pub authority/authority.pub.pem election-package.json slice-MRV-CHI.json");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var authority = KeyFiles.LoadPublic(args.Value("--authority-pub"));
        if (!authority.IsOk) return Refusal.Write(error, authority.Error!);
        var failures = 0;
        foreach (var path in args.Positionals)
        {
            var result = AuthorityDocuments.Verify(path, authority.Value!);
            if (result.IsOk)
            {
                var d = result.Value!;
                output.WriteLine($"OK   {path}: {d.Kind}, payload sha256 {d.PayloadHash} — {d.Description}");
            }
            else
            {
                failures++;
                output.WriteLine($"FAIL {path}: {result.Error}");
            }
        }
        if (failures > 0) error.WriteLine($"refused: {failures} of {args.Positionals.Count} file(s) failed verification");
        return failures == 0 ? ExitCode.Ok : ExitCode.Refused;
    }
}
