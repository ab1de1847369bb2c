using System.CommandLine;
using System.CommandLine.Help;

namespace Vmre.Cli;

/// <summary>
/// The root command of a VMRE executable, named by the program itself (not by the host that
/// runs it: in tests that would be "testhost"), with --help on every command below it.
/// Started with no command, a program made of commands prints its help and exits 0.
/// </summary>
public static class ProgramCommand
{
    public static Command Create(string program, string description, bool helpWhenEmpty = false)
    {
        var root = new Command(program, description) { new HelpOption() };
        if (helpWhenEmpty) root.SetAction(parsed => new HelpAction().Invoke(parsed));
        return root;
    }
}
