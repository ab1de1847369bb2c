namespace Vmre.Simulator.Processes;

/// <summary>
/// The full path of the `dotnet` host: the launcher execs the command it is given as a path
/// (issue 10 point 1: it becomes the terminal's process, same pid), so "dotnet" is resolved here
/// the way a shell would, from PATH.
/// </summary>
public static class DotnetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileName(self) == "dotnet") return self;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(dir, "dotnet");
            if (File.Exists(candidate)) return System.IO.Path.GetFullPath(candidate);
        }
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(System.IO.Path.Combine(root, "dotnet")))
            return System.IO.Path.Combine(root, "dotnet");
        throw new FileNotFoundException("the dotnet host is not on PATH");
    }
}
