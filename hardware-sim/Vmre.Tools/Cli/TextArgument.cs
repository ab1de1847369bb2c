namespace Vmre.Tools.Cli;

/// <summary>A text given on the command line, or `-` for "read it from standard input".</summary>
public static class TextArgument
{
    public static string Read(string argument, TextReader input) => argument == "-" ? input.ReadToEnd() : argument;
}
