using Vmre.Provisioning.Authority;
using Vmre.Provisioning.ElectionPackages;
using Vmre.Provisioning.Lnere.Synthetic;
using Vmre.Provisioning.Logs;
using Vmre.Provisioning.Modules;
using Vmre.Provisioning.Slicing;
using Vmre.Provisioning.Verification;

namespace Vmre.Provisioning.Cli;

/// <summary>Every command `vmre-provision` knows, found by its one- or two-word name.</summary>
public static class CommandTable
{
    public static IReadOnlyList<ICommand> All { get; } =
    [
        new AuthorityInitCommand(),
        new PackageBuildCommand(),
        new PackageShowCommand(),
        new LnereGenerateCommand(),
        new LnereSliceCommand(),
        new ModuleConfigureCommand(),
        new VerifyCommand(),
        new LogsVerifyCommand(),
        new LogsExportCommand(),
    ];

    public static int Run(IReadOnlyList<string> argv, TextWriter output, TextWriter error)
    {
        var (command, rest) = Find(argv);
        if (command is null)
        {
            var asked = argv.Count == 0 || argv[0] is "--help" or "-h" or "help";
            (asked ? output : error).Write(Overview());
            if (!asked) error.WriteLine($"unknown command '{string.Join(' ', argv.Take(2))}'");
            return asked ? ExitCode.Ok : ExitCode.Usage;
        }
        if (Arguments.AsksForHelp(rest))
        {
            output.Write(command.Spec.HelpText());
            return ExitCode.Ok;
        }
        var parsed = Arguments.Parse(command.Spec, rest);
        if (!parsed.IsOk)
        {
            Refusal.Usage(error, command.Spec, parsed.Error!);
            error.WriteLine($"try 'vmre-provision {command.Spec.Name} --help'");
            return ExitCode.Usage;
        }
        return command.Run(parsed.Value!, output, error);
    }

    private static (ICommand? Command, IReadOnlyList<string> Remaining) Find(IReadOnlyList<string> argv)
    {
        foreach (var command in All)
        {
            var words = command.Spec.Name.Split(' ');
            if (argv.Count >= words.Length && words.SequenceEqual(argv.Take(words.Length)))
                return (command, argv.Skip(words.Length).ToArray());
        }
        return (null, argv);
    }

    private static string Overview()
    {
        var lines = All.Select(c => $"  {c.Spec.Name,-20} {c.Spec.Summary.Split('\n')[0]}");
        return "usage: vmre-provision <command> [options]   (each command has --help)\n\ncommands:\n"
               + string.Join("\n", lines) + "\n";
    }
}
