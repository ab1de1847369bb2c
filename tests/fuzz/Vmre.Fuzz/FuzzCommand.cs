using System.Globalization;
using Vmre.Cli;
using Vmre.FuzzTargets;

namespace Vmre.Fuzz;

/// <summary>
/// Runs the targets and prints, per target, cases, accepted, rejected with the top reasons and
/// the elapsed time (timing is reported here, never asserted: tests/README.md), then one final
/// line. Exit 0 when every case behaved, 1 on the first crash or broken property, 2 on usage.
/// </summary>
public static class FuzzCommand
{
    private const int ReasonsShown = 5;

    public static int Run(IReadOnlyList<string> argv, TextWriter output, TextWriter error) =>
        CommandLineProgram.Run(FuzzOptions.Create(Run), argv, output, error);

    private static int Run(FuzzOptions options, TextWriter output, TextWriter error)
    {
        output.WriteLine($"fuzz: {options.Cases} cases per target, seed {options.Seed}");
        long total = 0;
        double seconds = 0;
        FuzzFailure? failure = null;
        foreach (var target in options.Targets)
        {
            var report = FuzzRun.Run(target, options.Cases, options.Seed);
            Print(report, output);
            total += report.Cases;
            seconds += report.Elapsed.TotalSeconds;
            if (report.Failure is { } found) { failure = found; break; }
        }
        if (failure is not null)
        {
            error.WriteLine("FAILED " + failure.Describe());
            output.WriteLine($"fuzz: FAILED on {failure.Target} after {total} cases; seed {options.Seed}");
            return 1;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: {total} cases over {options.Targets.Count} targets, 0 failures, {seconds:F1} s"));
        return 0;
    }

    private static void Print(FuzzReport report, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {report.Target}: {report.Cases} cases ({report.ValidCases} valid), {report.Accepted} accepted, {report.Rejected} rejected, {report.Elapsed.TotalSeconds:F1} s"));
        foreach (var (reason, count) in report.TopReasons(ReasonsShown))
            output.WriteLine($"   {count,8}  {reason}");
    }
}
