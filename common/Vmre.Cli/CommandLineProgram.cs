using System.CommandLine;
using System.CommandLine.Invocation;

namespace Vmre.Cli;

/// <summary>
/// Runs one executable's System.CommandLine tree the same way in every VMRE program: --help
/// answers on stdout with exit 0; a command line that does not parse (unknown option or
/// command, missing or malformed value) is a usage error on stderr with exit 2 and where to
/// look; an input or output file the system refuses (missing folder, unreadable file, a
/// directory where a file was expected) is a refusal with exit 1 that names it, never a stack
/// trace (issue 7.5).
/// </summary>
public static class CommandLineProgram
{
    public static int Run(Command root, IReadOnlyList<string> argv, TextWriter output, TextWriter error)
    {
        var parsed = root.Parse(argv);
        if (UsageError(parsed, error) is { } usage) return usage;
        try
        {
            return parsed.Invoke(Configuration(output, error));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refusal.Write(error, e.Message);
        }
    }

    public static async Task<int> RunAsync(Command root, IReadOnlyList<string> argv, TextWriter output, TextWriter error)
    {
        var parsed = root.Parse(argv);
        if (UsageError(parsed, error) is { } usage) return usage;
        try
        {
            return await parsed.InvokeAsync(Configuration(output, error));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refusal.Write(error, e.Message);
        }
    }

    /// <summary>"vmre-provision lnere slice": the words that name the command a parse reached, for messages.</summary>
    public static string CommandPath(ParseResult parsed)
    {
        var words = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            words.Insert(0, result.Command.Name);
        return string.Join(' ', words);
    }

    /// <summary>
    /// A command line that parsed but whose values do not fit together (e.g. one option
    /// without the other it needs): a usage error, exit 2, written as parse errors are.
    /// </summary>
    public static int Usage(ParseResult parsed, TextWriter error, string reason)
    {
        var path = CommandPath(parsed);
        error.WriteLine($"{path}: {reason}");
        error.WriteLine($"try '{path} --help'");
        return ExitCode.Usage;
    }

    // Help clears parse errors (`package build --help` lacks --authority and still shows help).
    private static int? UsageError(ParseResult parsed, TextWriter error)
    {
        if (parsed.Errors.Count == 0 || parsed.Action is CommandLineAction { ClearsParseErrors: true }) return null;
        var path = CommandPath(parsed);
        foreach (var e in parsed.Errors.SkipLast(1)) error.WriteLine($"{path}: {e.Message}");
        return Usage(parsed, error, parsed.Errors[^1].Message);
    }

    // The exception handler is off so an I/O refusal is reported by the catch above; signals are
    // left to the program (the web hosts stop themselves on SIGTERM and Ctrl+C).
    private static InvocationConfiguration Configuration(TextWriter output, TextWriter error) => new()
    {
        Output = output,
        Error = error,
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = null,
    };
}
