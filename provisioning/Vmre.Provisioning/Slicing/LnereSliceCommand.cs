using System.CommandLine;
using System.Diagnostics;
using Vmre.Cli;
using Vmre.Common.Signing;
using Vmre.Provisioning.Authority;
using Vmre.Provisioning.ElectionPackages;
using Vmre.Provisioning.Modules;

namespace Vmre.Provisioning.Slicing;

/// <summary>`lnere slice`: cut and sign one module's LNERE slice (docs/formats/lnere-slice.md).</summary>
public sealed class LnereSliceCommand : ICommand
{
    private readonly Option<string> _lnere = new("--lnere") { Description = "the LNERE CSV (docs/formats/lnere.md)", Required = true };
    private readonly Option<string> _module = new("--module") { Description = $"module id: {PilotModules.Known}", Required = true };
    private readonly Option<string> _authority = new("--authority") { Description = "the authority's private key (authority.key)", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "file to write the signed slice to", Required = true };

    public string Name => "lnere slice";

    public string Description =>
        "Cut and sign one module's LNERE slice.\nIngests an LNERE CSV (refused whole if any row is malformed) and writes the slice for one module: its in-person voters meeting the requirements, and hashed keys of everyone else.\n"
        + "example: vmre-provision lnere slice --lnere lnere.csv --module MRV-CHI --authority authority/authority.key --out slice-MRV-CHI.json";

    public IEnumerable<Symbol> Symbols => [_lnere, _module, _authority, _out];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var moduleId = parsed.GetRequiredValue(_module);
        var module = PilotModules.Find(moduleId);
        if (module is null) return Refusal.Write(error, $"unknown module '{moduleId}'; known: {PilotModules.Known}");
        // The key before the LNERE: a wrong key is refused at once, not after minutes of ingestion.
        var key = KeyFiles.LoadPrivate(parsed.GetRequiredValue(_authority), KeyRole.Authority);
        if (!key.IsOk) return Refusal.Write(error, "--authority: " + key.Error);
        var lnere = parsed.GetRequiredValue(_lnere);
        if (InputFile.Problem(lnere, "LNERE") is { } problem) return Refusal.Write(error, problem);
        var clock = Stopwatch.StartNew();
        var cut = LnereSlicer.Cut(lnere, module, DemoElection.ElectionId);
        if (!cut.IsOk) return Refusal.Write(error, cut.Error!);
        var readTime = clock.Elapsed;
        var (slice, rows, blocked) = cut.Value!;
        var path = parsed.GetRequiredValue(_out);
        var written = StreamedEnvelope.Write(path, DocumentKinds.LnereSlice, slice, key.Value!);
        output.WriteLine($"wrote {path}: LNERE slice for {module.Id} {module.Name} ({slice.ElectionId})");
        output.WriteLine($"  rows read:     {rows:N0}");
        output.WriteLine($"  voters:        {slice.Voters.Count:N0} (presencial, cumple, {module.Id}; sorted by clave)");
        output.WriteLine($"  people blocked: {string.Join(", ", blocked.Select(kv => $"{kv.Key} {kv.Value:N0}"))}");
        output.WriteLine($"  blocked keys:  {slice.Blocked.Count:N0} (clave and CIC per person)");
        output.WriteLine($"  payload:       {written.PayloadBytes:N0} bytes, sha256 {written.PayloadHash}");
        output.WriteLine($"  time: ingest+cut {readTime.TotalSeconds:F1} s, sign+write {(clock.Elapsed - readTime).TotalSeconds:F1} s");
        return ExitCode.Ok;
    }
}
