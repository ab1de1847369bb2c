using Vmre.Audit.Documents;
using Vmre.Provisioning.Authority;
using System.CommandLine;
using Vmre.Cli;

namespace Vmre.Provisioning.Verification;

/// <summary>`verify`: the auditor's check of everything the authority signed (brief section 2.6).</summary>
public sealed class VerifyCommand : ICommand
{
    private readonly Option<string> _authorityPub = new("--authority-pub") { Description = "the authority's public key (authority.pub.pem)", Required = true };
    private readonly Argument<string[]> _files = new("FILE") { Description = "signed documents to verify", Arity = ArgumentArity.OneOrMore };

    public string Name => "verify";

    public string Description =>
        "Verify documents the authority signed.\nElection packages, LNERE slices and module configs, against the authority's public key. Prints OK or FAIL with the reason for each file; exits 1 if any fails.\n"
        + "example: vmre-provision verify --authority-pub authority/authority.pub.pem election-package.json slice-MRV-CHI.json";

    public IEnumerable<Symbol> Symbols => [_authorityPub, _files];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var authority = KeyFiles.LoadPublic(parsed.GetRequiredValue(_authorityPub));
        if (!authority.IsOk) return Refusal.Write(error, "--authority-pub: " + authority.Error);
        var files = parsed.GetRequiredValue(_files);
        var failures = 0;
        foreach (var path in files)
        {
            var result = InputFile.Problem(path, "file") is { } problem
                ? Vmre.Common.Serialization.Parsed<VerifiedDocument>.Fail(problem)
                : AuthorityDocuments.Verify(path, authority.Value!);
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
        if (failures > 0) error.WriteLine($"refused: {failures} of {files.Length} file(s) failed verification");
        return failures == 0 ? ExitCode.Ok : ExitCode.Refused;
    }
}
