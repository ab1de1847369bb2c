namespace Vmre.Provisioning.Cli;

/// <summary>
/// A program made of named commands (`vmre-provision`, `vmre-tools`): finds the command by its
/// one- or two-word name, answers --help, checks the command line against the command's
/// <see cref="CommandSpec"/> and exits the same way in every tool: 0 ok, 1 refused, 2 usage
/// (<see cref="ExitCode"/>).
/// </summary>
public sealed class CommandLine(string program, IReadOnlyList<ICommand> commands, int nameColumn = 20)
{
    public string Program { get; } = program;

    public int Run(IReadOnlyList<string> argv, TextWriter output, TextWriter error)
    {
        var (command, rest) = Find(argv);
        if (command is null)
        {
            var asked = argv.Count == 0 || argv[0] is "--help" or "-h" or "help";
            (asked ? output : error).Write(Overview());
            if (!asked) error.WriteLine($"unknown command '{string.Join(' ', argv.Take(LongestName()))}'");
            return asked ? ExitCode.Ok : ExitCode.Usage;
        }
        if (Arguments.AsksForHelp(rest))
        {
            output.Write(command.Spec.HelpText(Program));
            return ExitCode.Ok;
        }
        var parsed = Arguments.Parse(command.Spec, rest);
        if (!parsed.IsOk) return Usage(error, Program, command.Spec, parsed.Error!);
        return command.Run(parsed.Value!, output, error);
    }

    /// <summary>A command line wrong in shape or value: exit 2, with the reason and where to look.</summary>
    public static int Usage(TextWriter error, string program, CommandSpec spec, string reason)
    {
        Refusal.Usage(error, program, spec, reason);
        error.WriteLine($"try '{program} {spec.Name} --help'");
        return ExitCode.Usage;
    }

    private (ICommand? Command, IReadOnlyList<string> Remaining) Find(IReadOnlyList<string> argv)
    {
        foreach (var command in commands)
        {
            var words = command.Spec.Name.Split(' ');
            if (argv.Count >= words.Length && words.SequenceEqual(argv.Take(words.Length)))
                return (command, argv.Skip(words.Length).ToArray());
        }
        return (null, argv);
    }

    // An unknown command is quoted with as many words as the longest command name has.
    private int LongestName() => commands.Max(c => c.Spec.Name.Split(' ').Length);

    private string Overview()
    {
        var lines = commands.Select(c => $"  {c.Spec.Name.PadRight(nameColumn)} {c.Spec.Summary.Split('\n')[0]}");
        return $"usage: {Program} <command> [options]   (each command has --help)\n\ncommands:\n"
               + string.Join("\n", lines) + "\n";
    }
}
