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

    public const string Program = "vmre-provision";

    private static readonly CommandLine Line = new(Program, All);

    public static int Run(IReadOnlyList<string> argv, TextWriter output, TextWriter error) => Line.Run(argv, output, error);
}
