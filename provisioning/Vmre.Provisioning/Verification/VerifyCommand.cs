using Vmre.Audit.Documents;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Provisioning.Authority;
using System.CommandLine;
using Vmre.Cli;

namespace Vmre.Provisioning.Verification;

/// <summary>
/// `verify`: the auditor's check of everything the authority signed (brief section 2.6), and of
/// a module's actas, signed by the module server key its verified module config names, saying
/// which acta is final (issue 11 point 5).
/// </summary>
public sealed class VerifyCommand : ICommand
{
    private readonly Option<string> _authorityPub = new("--authority-pub") { Description = "the authority's public key (authority.pub.pem)", Required = true };
    private readonly Argument<string[]> _files = new("FILE") { Description = "signed documents to verify", Arity = ArgumentArity.OneOrMore };

    public string Name => "verify";

    public string Description =>
        "Verify documents the authority signed, and actas.\nElection packages, LNERE slices and module configs, against the authority's public key; actas against the module server key of a module config given among the files, each said NOT FINAL (superseded by another acta given) or FINAL among the actas given (no acta given supersedes it). Every document is read strictly (docs/formats/signed-document.md, One reading). Prints OK or FAIL with the reason for each file; exits 1 if any fails.\n"
        + "example: vmre-provision verify --authority-pub authority/authority.pub.pem election-package.json module-config.signed.json acta.signed.json acta.superseded-1.signed.json";

    public IEnumerable<Symbol> Symbols => [_authorityPub, _files];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var authority = KeyFiles.LoadPublic(parsed.GetRequiredValue(_authorityPub));
        if (!authority.IsOk) return Refusal.Write(error, "--authority-pub: " + authority.Error);
        var files = parsed.GetRequiredValue(_files);
        var results = new Parsed<VerifiedDocument>?[files.Length];
        var actas = new List<(int Index, SignedDocument Envelope)>();
        var servers = new List<ActaFinality.ServerKey>();
        for (var i = 0; i < files.Length; i++)
        {
            if (InputFile.Problem(files[i], "file") is { } problem) { results[i] = Parsed<VerifiedDocument>.Fail(problem); continue; }
            var envelope = SignedDocument.ReadFile(files[i]);
            if (!envelope.IsOk) { results[i] = Parsed<VerifiedDocument>.Fail(envelope.Error!); continue; }
            if (envelope.Value!.Kind == DocumentKinds.Acta) { actas.Add((i, envelope.Value)); continue; }
            results[i] = AuthorityDocuments.Verify(envelope.Value, authority.Value!);
            if (results[i]!.IsOk && envelope.Value.Kind == DocumentKinds.ModuleConfig)
                servers.Add(ServerOf(envelope.Value.Open<ModuleConfig>(DocumentKinds.ModuleConfig, authority.Value!).ValueOrThrow()));
        }
        var judged = ActaFinality.Judge(actas.Select(a => a.Envelope).ToArray(), servers);
        for (var a = 0; a < actas.Count; a++) results[actas[a].Index] = judged[a];

        var failures = 0;
        for (var i = 0; i < files.Length; i++)
        {
            var result = results[i]!;
            if (result.IsOk)
            {
                var d = result.Value!;
                output.WriteLine($"OK   {files[i]}: {d.Kind}, payload sha256 {d.PayloadHash} — {d.Description}");
            }
            else
            {
                failures++;
                output.WriteLine($"FAIL {files[i]}: {result.Error}");
            }
        }
        if (failures > 0) error.WriteLine($"refused: {failures} of {files.Length} file(s) failed verification");
        return failures == 0 ? ExitCode.Ok : ExitCode.Refused;
    }

    private static ActaFinality.ServerKey ServerOf(ModuleConfig config) =>
        new(config.ModuleId, PublicKey.FromPem(config.ServerPublicKeyPem));
}
