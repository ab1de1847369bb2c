using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vmre.Lnere;
using Vmre.Provisioning.Cli;

namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>`lnere generate`: a synthetic LNERE CSV for tests and demos (DATA.md: never real data).</summary>
public sealed class LnereGenerateCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "lnere generate",
        "Write a synthetic LNERE CSV (never real data).\nShaped on the public PEL 2022-2023 figures (DATA.md). The default 3,641 rows reproduce the published totals exactly; other counts scale them.",
        [
            OptionSpec.Need("--seed", "integer seed; the same seed and count give the same file"),
            OptionSpec.Need("--out", "CSV file to write"),
            OptionSpec.May("--count", $"number of rows (default {StateProfiles.DefaultCount})"),
        ],
        Example: "vmre-provision lnere generate --seed 2023 --out lnere.csv");

    public int Run(Arguments args, TextWriter output, TextWriter error)
    {
        if (!int.TryParse(args.Value("--seed"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
            return Refusal.Usage(error, Spec, $"--seed must be an integer, got '{args.Value("--seed")}'");
        var count = StateProfiles.DefaultCount;
        if (args.Optional("--count") is { } c && (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > 100_000_000))
            return Refusal.Usage(error, Spec, $"--count must be a whole number up to 100,000,000, got '{c}'");
        var path = Path.GetFullPath(args.Value("--out"));
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
