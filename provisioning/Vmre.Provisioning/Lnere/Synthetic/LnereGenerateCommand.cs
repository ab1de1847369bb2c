using System.Diagnostics;
using System.Text;
using Vmre.Lnere;
using Vmre.Provisioning.Cli;
using System.CommandLine;
using Vmre.Cli;

namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>`lnere generate`: a synthetic LNERE CSV for tests and demos (DATA.md: never real data).</summary>
public sealed class LnereGenerateCommand : ICommand
{
    private const int MostRows = 100_000_000;

    private readonly Option<int> _seed = new Option<int>("--seed") { Description = "integer seed; the same seed and count give the same file", Required = true }.WholeNumber(int.MinValue);
    private readonly Option<string> _out = new("--out") { Description = "CSV file to write", Required = true };
    private readonly Option<int> _count = new Option<int>("--count")
    {
        Description = $"number of rows, up to {MostRows:N0} (default {StateProfiles.DefaultCount})",
        DefaultValueFactory = _ => StateProfiles.DefaultCount,
    }.WholeNumber(0, MostRows);

    public string Name => "lnere generate";

    public string Description =>
        "Write a synthetic LNERE CSV (never real data).\nShaped on the public PEL 2022-2023 figures (DATA.md). The default 3,641 rows reproduce the published totals exactly; other counts scale them.\n"
        + "example: vmre-provision lnere generate --seed 2023 --out lnere.csv";

    public IEnumerable<Symbol> Symbols => [_seed, _out, _count];

    public int Run(ParseResult parsed, TextWriter output, TextWriter error)
    {
        var seed = parsed.GetValue(_seed);
        var count = parsed.GetValue(_count);
        var path = Path.GetFullPath(parsed.GetRequiredValue(_out));
        if (Directory.Exists(path)) return Refusal.Write(error, $"--out {path} is a directory, not a file");
        var clock = Stopwatch.StartNew();
        var summary = WriteAtomically(path, new LnereGenerator(seed, count));
        output.WriteLine($"wrote {path}: {summary.Rows:N0} synthetic LNERE rows (seed {seed}) in {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine($"  entidad:  {GenerationSummary.Line(summary.ByEntidad)}");
        output.WriteLine($"  status:   {GenerationSummary.Line(summary.ByStatus)}");
        output.WriteLine($"  modality: {GenerationSummary.Line(summary.ByModality)}");
        output.WriteLine($"  presencial by entidad: {GenerationSummary.Line(summary.PresencialByEntidad)}");
        output.WriteLine($"  module:   {GenerationSummary.Line(summary.ByModule)}");
        return ExitCode.Ok;
    }

    /// <summary>Stream to a temporary sibling and rename, so a killed run never leaves half a list.</summary>
    public static GenerationSummary WriteAtomically(string path, LnereGenerator generator)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            GenerationSummary summary;
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using (var writer = new StreamWriter(file, new UTF8Encoding(false), 1 << 16))
                    summary = generator.Write(writer);
            }
            File.Move(temp, path, overwrite: true);
            return summary;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
