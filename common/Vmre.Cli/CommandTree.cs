using System.CommandLine;

namespace Vmre.Cli;

/// <summary>
/// Builds a program's System.CommandLine tree from its <see cref="ICommand"/>s: "package
/// build" becomes the subcommand build of a group package (which, given alone, is a usage
/// error naming the missing subcommand), and each command's body receives the invocation's
/// output and error writers.
/// </summary>
public static class CommandTree
{
    public static Command Build(string program, string description, IEnumerable<ICommand> commands)
    {
        var root = ProgramCommand.Create(program, description, helpWhenEmpty: true);
        foreach (var command in commands)
        {
            var words = command.Name.Split(' ');
            var parent = root;
            foreach (var group in words[..^1])
            {
                var existing = parent.Subcommands.FirstOrDefault(c => c.Name == group);
                if (existing is null) parent.Subcommands.Add(existing = new Command(group));
                parent = existing;
            }
            parent.Subcommands.Add(Leaf(words[^1], command));
            // A group is described by its commands' summaries (the first line of each).
            if (parent != root)
                parent.Description = string.Join("\n", parent.Subcommands.Select(c => $"{c.Name}: {c.Description?.Split('\n')[0]}"));
        }
        return root;
    }

    private static Command Leaf(string name, ICommand command)
    {
        var leaf = new Command(name, command.Description);
        foreach (var symbol in command.Symbols)
        {
            switch (symbol)
            {
                case Option option: leaf.Options.Add(option); break;
                case Argument argument: leaf.Arguments.Add(argument); break;
                default: throw new ArgumentException($"{command.Name}: {symbol.GetType().Name} is neither an option nor an argument");
            }
        }
        leaf.SetAction(parsed => command.Run(parsed, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return leaf;
    }
}
