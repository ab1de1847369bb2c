using Vmre.Common.Serialization;

namespace Vmre.Provisioning.Cli;

/// <summary>
/// A command line checked against its <see cref="CommandSpec"/>: unknown options, missing
/// required ones, missing values and wrong positional counts are usage errors, returned as
/// values (exit 2), so a command body only ever sees arguments it declared.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _values;

    private Arguments(Dictionary<string, List<string>> values, IReadOnlyList<string> positionals)
    {
        _values = values;
        Positionals = positionals;
    }

    public IReadOnlyList<string> Positionals { get; }

    /// <summary>The value of a required option (the parser guaranteed it is present).</summary>
    public string Value(string name) => _values[name][0];

    public string? Optional(string name) => _values.TryGetValue(name, out var v) ? v[0] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var v) ? v : [];

    public static bool AsksForHelp(IEnumerable<string> argv) => argv.Any(a => a is "--help" or "-h");

    public static Parsed<Arguments> Parse(CommandSpec spec, IReadOnlyList<string> argv)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (var i = 0; i < argv.Count; i++)
        {
            var arg = argv[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
                continue;
            }
            var (name, inline) = SplitInline(arg);
            var option = spec.Options.FirstOrDefault(o => o.Name == name);
            if (option is null) return Parsed<Arguments>.Fail($"unknown option {name}");
            string value;
            if (option.IsFlag) value = "true";
            else if (inline is not null) value = inline;
            else if (i + 1 < argv.Count) value = argv[++i];
            else return Parsed<Arguments>.Fail($"option {name} needs a value");
            if (!values.TryGetValue(name, out var list)) values[name] = list = [];
            if (list.Count > 0 && !option.Repeatable) return Parsed<Arguments>.Fail($"option {name} given twice");
            list.Add(value);
        }
        var missing = spec.Options.Where(o => o.Required && !values.ContainsKey(o.Name)).Select(o => o.Name).ToList();
        if (missing.Count > 0) return Parsed<Arguments>.Fail("missing " + string.Join(", ", missing));
        if (positionals.Count < spec.MinPositionals)
            return Parsed<Arguments>.Fail($"expected {spec.Positionals}");
        if (positionals.Count > spec.MaxPositionals)
            return Parsed<Arguments>.Fail($"unexpected argument '{positionals[spec.MaxPositionals]}'");
        return Parsed<Arguments>.Ok(new Arguments(values, positionals));
    }

    private static (string Name, string? Inline) SplitInline(string arg)
    {
        var eq = arg.IndexOf('=');
        return eq < 0 ? (arg, null) : (arg[..eq], arg[(eq + 1)..]);
    }
}
