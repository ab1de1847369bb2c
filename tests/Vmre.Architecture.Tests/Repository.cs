namespace Vmre.Architecture.Tests;

/// <summary>The repository these tests were built from: found by walking up to Vmre.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every project file in the repository, build output left out.</summary>
    public static IReadOnlyList<ProjectFile> Projects() =>
        [.. Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or ".git"))
            .Order(StringComparer.Ordinal)
            .Select(path => ProjectFile.Read(Root, path))];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vmre.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Vmre.sln above {AppContext.BaseDirectory}");
    }
}
