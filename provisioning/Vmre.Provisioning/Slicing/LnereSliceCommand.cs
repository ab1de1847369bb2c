using System.Diagnostics;
using Vmre.Common.Signing;
using Vmre.Provisioning.Authority;
using Vmre.Provisioning.Cli;
using Vmre.Provisioning.ElectionPackages;
using Vmre.Provisioning.Modules;

namespace Vmre.Provisioning.Slicing;

/// <summary>`lnere slice`: cut and sign one module's LNERE slice (docs/formats/lnere-slice.md).</summary>
public sealed class LnereSliceCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "lnere slice",
        "Cut and sign one module's LNERE slice.\nIngests an LNERE CSV (refused whole if any row is malformed) and writes the slice for one module: its in-person voters meeting the requirements, and hashed keys of everyone else.",
        [
            OptionSpec.Need("--lnere", "the LNERE CSV (docs/formats/lnere.md)"),
            OptionSpec.Need("--module", $"module id: {PilotModules.Known}"),
            OptionSpec.Need("--authority", "the authority's private key (authority.key)"),
            OptionSpec.Need("--out", "file to write the signed slice to"),
        ],
        Example: "vmre-provision lnere slice --lnere lnere.csv --module MRV-CHI --authority authority/authority.key --out slice-MRV-CHI.json");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var module = PilotModules.Find(args.Value("--module"));
        if (module is null) return Refusal.Write(error, $"unknown module '{args.Value("--module")}'; known: {PilotModules.Known}");
        var key = KeyFiles.LoadPrivate(args.Value("--authority"));
        if (!key.IsOk) return Refusal.Write(error, key.Error!);
        var clock = Stopwatch.StartNew();
        var cut = LnereSlicer.Cut(args.Value("--lnere"), module, DemoElection.ElectionId);
        if (!cut.IsOk) return Refusal.Write(error, cut.Error!);
        var readTime = clock.Elapsed;
        var (slice, rows, blocked) = cut.Value!;
        var path = args.Value("--out");
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
