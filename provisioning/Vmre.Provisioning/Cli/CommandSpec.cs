using System.Text;

namespace Vmre.Provisioning.Cli;

/// <summary>What a command is called, what it does, and which options and positionals it takes.</summary>
public sealed record CommandSpec(
    string Name,
    string Summary,
    IReadOnlyList<OptionSpec> Options,
    string? Positionals = null,
    int MinPositionals = 0,
    int MaxPositionals = 0,
    string? Example = null)
{
    public string HelpText() => HelpText(CommandTable.Program);

    /// <param name="program">The tool the command belongs to (`vmre-provision`, `vmre-tools`).</param>
    public string HelpText(string program)
    {
        var text = new StringBuilder();
        var usage = Positionals is null ? "" : " " + Positionals;
        text.AppendLine($"usage: {program} {Name}{usage} [options]");
        text.AppendLine();
        text.AppendLine(Summary);
        text.AppendLine();
        foreach (var o in Options)
        {
            var value = o.IsFlag ? "" : " VALUE";
            var tags = o.Required ? " (required)" : "";
            if (o.Repeatable) tags += " (repeatable)";
            text.AppendLine($"  {o.Name}{value}{tags}");
            text.AppendLine($"      {o.Help}");
        }
        text.AppendLine("  --help");
        text.AppendLine("      print this help");
        if (Example is not null)
        {
            text.AppendLine();
            text.AppendLine("example:");
            text.AppendLine("  " + Example);
        }
        return text.ToString();
    }
}
