using System.CommandLine;
using Vmre.Cli;
using Vmre.FuzzTargets;

namespace Vmre.Fuzz;

/// <summary>
/// The command line, read by System.CommandLine (issue 7.5): --help, and a bad command line is
/// a usage error (exit 2) that names the option and what it takes.
/// </summary>
public sealed record FuzzOptions(int Cases, int Seed, IReadOnlyList<FuzzTarget> Targets)
{
    public const string Program = "vmre-fuzz";
    public const int DefaultCases = 100_000;

    public static Command Create(Func<FuzzOptions, TextWriter, TextWriter, int> run)
    {
        var all = FuzzTarget.All();
        var cases = new Option<int>("--cases") { Description = "cases per target", DefaultValueFactory = _ => DefaultCases }.WholeNumber(1);
        var seed = new Option<int>("--seed") { Description = "seed of the case generator; a failure prints the seed that replays it", DefaultValueFactory = _ => 1 }.WholeNumber(int.MinValue);
        var target = new Option<string>("--target") { Description = "one target, or all", DefaultValueFactory = _ => "all" }
            .AcceptOnlyFromAmong([.. all.Select(t => t.Name), "all"]);
        var root = ProgramCommand.Create(Program, "Fuzz the decoders; exit 0 when every case behaved, 1 on the first crash or broken property.");
        root.Options.Add(cases);
        root.Options.Add(seed);
        root.Options.Add(target);
        root.SetAction(parsed =>
        {
            var name = parsed.GetRequiredValue(target);
            var chosen = name == "all" ? all : all.Where(t => t.Name == name).ToList();
            return run(new FuzzOptions(parsed.GetValue(cases), parsed.GetValue(seed), chosen),
                parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
        });
        return root;
    }
}
