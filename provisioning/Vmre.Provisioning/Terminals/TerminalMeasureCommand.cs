using System.CommandLine;
using Vmre.Cli;
using Vmre.Common.Measurement;
using Vmre.Common.Signing;
using Vmre.Provisioning.Authority;

namespace Vmre.Provisioning.Terminals;

/// <summary>
/// `terminal measure` (issue 10 point 1): the technician measures what a provisioned terminal will
/// run — its program folder, its configuration, the module config and the election package installed
/// in its data folder — and the authority signs that list with the PCR 13 value it gives
/// (docs/formats/measurements.md). The terminal seals its master secret to that value
/// (`vmre-terminal seal`); a legitimate update is a new manifest, re-sealed. All or nothing: every
/// input is checked and the manifest signed in memory before a byte is written.
/// </summary>
public sealed class TerminalMeasureCommand : ICommand
{
    private readonly Option<string> _program = new("--program") { Description = "the terminal's program folder (the build it will run)", Required = true };
    private readonly Option<string> _data = new("--data") { Description = "the terminal's data folder, provisioned, with the signed election installed", Required = true };
    private readonly Option<string> _authority = new("--authority") { Description = "the authority's private key (authority.key)", Required = true };
    private readonly Option<string> _out = new("--out") { Description = $"file to write the signed manifest to (the terminal reads DIR/{MeasurementManifest.FileName})", Required = true };

    public string Name => "terminal measure";

    public string Description =>
        "Measure a terminal's program and configuration into an authority-signed manifest.\n"
        + "Items: program folder, terminal configuration, module config, election package; the manifest names the PCR 13 value they give.\n"
        + $"example: vmre-provision terminal measure --program /opt/vmre/terminal --data /var/lib/vmre --authority authority/authority.key --out /var/lib/vmre/{MeasurementManifest.FileName}";

    public IEnumerable<Symbol> Symbols => [_program, _data, _authority, _out];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var program = parsed.GetRequiredValue(_program);
        var data = parsed.GetRequiredValue(_data);
        var path = parsed.GetRequiredValue(_out);
        if (!Directory.Exists(program)) return Refusal.Write(error, $"--program {program} is not a folder");
        if (!Directory.Exists(data)) return Refusal.Write(error, $"--data {data} is not a folder");
        if (Directory.Exists(path)) return Refusal.Write(error, $"--out {path} is a directory, not a file");
        var authority = KeyFiles.LoadPrivate(parsed.GetRequiredValue(_authority), KeyRole.Authority);
        if (!authority.IsOk) return Refusal.Write(error, "--authority: " + authority.Error);
        var terminal = MeasuredTerminalFolder.Check(data, authority.Value!);
        if (!terminal.IsOk) return Refusal.Write(error, terminal.Error!);

        var items = MeasurementList.Of(program, data);
        var manifest = MeasurementManifest.For(terminal.Value!, items);
        var signed = MeasurementManifest.Sign(manifest, authority.Value!);
        signed.WriteFile(path);
        output.WriteLine($"wrote {path}: measurements of terminal {manifest.TerminalId}, PCR {manifest.Pcr}");
        foreach (var item in items) output.WriteLine($"  {item.Name,-17} {item.Sha256}");
        output.WriteLine($"  expected PCR {manifest.Pcr}: {manifest.ExpectedPcr}");
        output.WriteLine($"manifest hash {MeasuredTerminalFolder.ManifestHash(path)}");
        output.WriteLine($"signed by {signed.KeyId}");
        return ExitCode.Ok;
    }
}
