using System.CommandLine;

namespace Vmre.Cli;

/// <summary>
/// One command of a program made of commands (`vmre-provision`, `vmre-tools`): its one- or
/// two-word name, what it does, its options and arguments, and its body. The body sees only a
/// command line that parsed; it returns an <see cref="ExitCode"/>.
/// </summary>
public interface ICommand
{
    /// <summary>"verify", "package build": a two-word name is a subcommand of its first word.</summary>
    string Name { get; }

    /// <summary>First line: the summary in the program's overview; the rest, and an example, in the command's --help.</summary>
    string Description { get; }

    IEnumerable<Symbol> Symbols { get; }

    /// <summary>Reports what was written on <paramref name="output"/>; refusals go to <paramref name="error"/>.</summary>
    int Run(ParseResult parsed, TextWriter output, TextWriter error);
}
