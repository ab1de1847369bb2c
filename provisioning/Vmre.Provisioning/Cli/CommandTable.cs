using Vmre.Cli;
using Vmre.Provisioning.Authority;
using Vmre.Provisioning.ElectionPackages;
using Vmre.Provisioning.Lnere.Synthetic;
using Vmre.Provisioning.Logs;
using Vmre.Provisioning.Modules;
using Vmre.Provisioning.Slicing;
using Vmre.Provisioning.Terminals;
using Vmre.Provisioning.Verification;

namespace Vmre.Provisioning.Cli;

/// <summary>
/// Every command `vmre-provision` knows, read by System.CommandLine (issue 7.5): --help on
/// each, unknown options refused, exit 0 ok, 1 refused, 2 usage (provisioning/README.md).
/// </summary>
public static class CommandTable
{
    public const string Program = "vmre-provision";

    /// <summary>A new set each run: the options are System.CommandLine symbols, owned by one tree.</summary>
    public static IReadOnlyList<ICommand> All() =>
    [
        new AuthorityInitCommand(),
        new PackageBuildCommand(),
        new PackageShowCommand(),
        new LnereGenerateCommand(),
        new LnereSliceCommand(),
        new ModuleConfigureCommand(),
        new TerminalMeasureCommand(),
        new VerifyCommand(),
        new LogsVerifyCommand(),
        new LogsExportCommand(),
    ];

    public static int Run(IReadOnlyList<string> argv, TextWriter output, TextWriter error) =>
        CommandLineProgram.Run(
            CommandTree.Build(Program, "The technician's provisioning tool: authority key, election package, LNERE slices, module configs, terminal measurements, verification.", All()),
            argv, output, error);
}
