using Vmre.FuzzTargets;

namespace Vmre.Fuzz;

/// <summary>The command line, parsed at the boundary: a bad one is a usage error (exit 2) with its reason.</summary>
public sealed record FuzzOptions(int Cases, int Seed, IReadOnlyList<FuzzTarget> Targets)
{
    public const int DefaultCases = 100_000;

    public const string Usage =
        "usage: vmre-fuzz [--cases N] [--seed S] [--target mrz|testigo|token|escpos|all]\n" +
        "  --cases N   cases per target (default 100000)\n" +
        "  --seed S    seed of the case generator (default 1); a failure prints the seed that replays it\n" +
        "  --target T  one target, or all (default)\n";

    public static (FuzzOptions? Options, string? Error) Parse(IReadOnlyList<string> argv)
    {
        int cases = DefaultCases, seed = 1;
        string target = "all";
        for (int i = 0; i < argv.Count; i++)
        {
            string name = argv[i];
            if (name is not ("--cases" or "--seed" or "--target")) return (null, $"unknown argument '{name}'");
            if (i + 1 >= argv.Count) return (null, $"option {name} needs a value");
            string value = argv[++i];
            switch (name)
            {
                case "--cases" when !int.TryParse(value, out cases) || cases < 1: return (null, "--cases must be a positive whole number");
                case "--seed" when !int.TryParse(value, out seed): return (null, "--seed must be a whole number");
                case "--target": target = value; break;
            }
        }
        var all = FuzzTarget.All();
        var chosen = target == "all" ? all : all.Where(t => t.Name == target).ToList();
        if (chosen.Count == 0) return (null, $"unknown target '{target}' (mrz, testigo, token, escpos or all)");
        return (new FuzzOptions(cases, seed, chosen), null);
    }
}
