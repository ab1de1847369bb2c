using Vmre.Provisioning.Cli;
using Vmre.Tools.Credential;
using Vmre.Tools.Paper;
using Vmre.Tools.Testigo;

namespace Vmre.Tools.Cli;

/// <summary>
/// Every command `vmre-tools` knows. Command lines are checked by the provisioning tool's
/// <see cref="Arguments"/>, so both tools read options the same way and exit the same way:
/// 0 ok, 1 rejected input, 2 usage (<see cref="ExitCode"/>).
/// </summary>
public static class ToolTable
{
    public const string ToolName = "vmre-tools";

    public static IReadOnlyList<ICommand> Commands(TextReader input) =>
    [
        new RenderEscPosCommand(),
        new ParseCredentialCommand(input),
        new DecodeTestigoCommand(input),
    ];

    /// <param name="input">Where a `-` argument is read from (stdin in the console).</param>
    public static int Run(IReadOnlyList<string> argv, TextWriter output, TextWriter error, TextReader? input = null)
    {
        var commands = Commands(input ?? TextReader.Null);
        var command = argv.Count == 0 ? null : commands.FirstOrDefault(c => c.Spec.Name == argv[0]);
        if (command is null)
        {
            var asked = argv.Count == 0 || argv[0] is "--help" or "-h" or "help";
            (asked ? output : error).Write(Overview(commands));
            if (!asked) error.WriteLine($"unknown command '{argv[0]}'");
            return asked ? ExitCode.Ok : ExitCode.Usage;
        }
        var rest = argv.Skip(1).ToArray();
        if (Arguments.AsksForHelp(rest))
        {
            output.Write(HelpText(command.Spec));
            return ExitCode.Ok;
        }
        var parsed = Arguments.Parse(command.Spec, rest);
        if (!parsed.IsOk) return Usage(error, command.Spec, parsed.Error!);
        return command.Run(parsed.Value!, output, error);
    }

    /// <summary>A command line wrong in shape or value: exit 2, with where to look.</summary>
    public static int Usage(TextWriter error, CommandSpec spec, string reason)
    {
        error.WriteLine($"{ToolName} {spec.Name}: {reason}");
        error.WriteLine($"try '{ToolName} {spec.Name} --help'");
        return ExitCode.Usage;
    }

    // The spec's layout is shared with vmre-provision; only the program name differs.
    public static string HelpText(CommandSpec spec) =>
        spec.HelpText().Replace("usage: vmre-provision ", $"usage: {ToolName} ", StringComparison.Ordinal);

    private static string Overview(IReadOnlyList<ICommand> commands)
    {
        var lines = commands.Select(c => $"  {c.Spec.Name,-18} {c.Spec.Summary.Split('\n')[0]}");
        return $"usage: {ToolName} <command> [options]   (each command has --help)\n\ncommands:\n"
               + string.Join("\n", lines) + "\n";
    }
}
