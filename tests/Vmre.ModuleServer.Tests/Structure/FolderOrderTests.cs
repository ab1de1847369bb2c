namespace Vmre.ModuleServer.Tests.Structure;

/// <summary>
/// Issue 7, point 6: the module server's folders depend one way — polls state at the bottom, the
/// opening and closing workflows above it, HTTP on top — in the order module-server/README.md
/// ("Folders, bottom to top") gives. A folder may use only folders listed before it.
/// </summary>
public sealed class FolderOrderTests
{
    /// <summary>Bottom to top; the same list as module-server/README.md.</summary>
    private static readonly string[] Order =
    [
        "Storage", "Documents", "Tpm", "Pairing", "Polls", "Officials", "Activations", "Voters",
        "Terminals", "Counting", "Printing", "OpeningAndClosing", "Http", "Faces", "Consoles", "Hosting",
    ];

    private static readonly FolderGraph Graph = FolderGraph.Read(ProjectDir());

    [Fact]
    public void Folders_import_each_other_without_cycles() => Assert.Null(Graph.Cycle());

    [Fact]
    public void Every_folder_uses_only_folders_below_it()
    {
        var wrong = Graph.Uses
            .SelectMany(p => p.Value.Where(used => Array.IndexOf(Order, used) >= Array.IndexOf(Order, p.Key)).Select(used => $"{p.Key} → {used}"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_folder_has_its_place_in_the_order() =>
        Assert.Empty(Graph.Uses.Keys.Concat(Graph.Uses.Values.SelectMany(v => v)).Distinct().Except(Order).Order(StringComparer.Ordinal));

    [Fact]
    public void The_readme_gives_the_same_order()
    {
        var readme = File.ReadAllText(Path.Combine(ProjectDir(), "..", "README.md"));
        Assert.Contains(string.Join(" → ", Order.Select(f => $"`{f}/`")), readme);
    }

    [Fact]
    public void The_graph_reader_finds_a_cycle()
    {
        var graph = new FolderGraph(new Dictionary<string, IReadOnlySet<string>>
        {
            ["Http"] = new HashSet<string> { "Polls" },
            ["Polls"] = new HashSet<string> { "Voters" },
            ["Voters"] = new HashSet<string> { "Polls" },
        });
        Assert.Equal(["Polls", "Voters", "Polls"], graph.Cycle());
    }

    private static string ProjectDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Vmre.sln"))) dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException("Vmre.sln not found above " + AppContext.BaseDirectory);
        return Path.Combine(root, "module-server", "Vmre.ModuleServer");
    }
}
