namespace Vmre.Architecture.Tests;

/// <summary>
/// The allowed project references, as rules over every .csproj in the repository (issue 7):
/// references go down the layers firmware ← common ← devices ← hosts, or sideways to a library
/// in the same layer; the hardware simulator and the tests may reference anything below them;
/// so no production project references the simulator or test code. Only test projects
/// reference a program (OutputType Exe): a program's code that others need belongs in a library.
/// A new folder must be given a layer here before its projects pass.
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly IReadOnlyList<ProjectFile> All = Repository.Projects();
    private static readonly Dictionary<string, ProjectFile> ByPath = All.ToDictionary(p => p.RelativePath);

    [Fact]
    public void The_rules_see_the_repository()
    {
        // A parser that found nothing would pass every rule below.
        Assert.Contains(All, p => p.RelativePath == "devices/Vmre.Devices/Vmre.Devices.csproj");
        var terminal = Assert.Single(All, p => p.Name == "Vmre.Terminal");
        Assert.Contains("devices/Vmre.Devices/Vmre.Devices.csproj", terminal.References);
        Assert.True(terminal.IsExecutable);
        Assert.False(ByPath["common/Vmre.Common/Vmre.Common.csproj"].IsExecutable);
    }

    [Fact]
    public void Every_project_lives_in_a_layer()
    {
        AssertNone(All.Where(p => p.Layer is null).Select(p => p.RelativePath));
    }

    [Fact]
    public void Every_reference_is_to_a_project_that_exists()
    {
        AssertNone(All.SelectMany(p => p.References.Where(r => !ByPath.ContainsKey(r)).Select(r => $"{p.RelativePath} → {r}")));
    }

    [Fact]
    public void References_never_point_up_the_layers()
    {
        var violations = Known(All).SelectMany(p => Targets(p)
            .Where(t => t.Layer > p.Layer || (t.Layer == p.Layer && t.IsExecutable && p.Layer != Layer.Tests))
            .Select(t => $"{p.RelativePath} ({p.Layer}) → {t.RelativePath} ({t.Layer})"));
        AssertNone(violations);
    }

    [Fact]
    public void No_production_project_references_the_simulator_or_tests()
    {
        var violations = Known(All).Where(p => Layers.IsProduction(p.Layer!.Value)).SelectMany(p => Targets(p)
            .Where(t => t.Layer is Layer.HardwareSim or Layer.Tests)
            .Select(t => $"{p.RelativePath} → {t.RelativePath}"));
        AssertNone(violations);
    }

    [Fact]
    public void Only_test_projects_reference_a_program()
    {
        var violations = Known(All).Where(p => p.Layer != Layer.Tests).SelectMany(p => Targets(p)
            .Where(t => t.IsExecutable)
            .Select(t => $"{p.RelativePath} → {t.RelativePath} (a program)"));
        AssertNone(violations);
    }

    /// <summary>Every violation named in the failure, one a line, not the first few characters of a list.</summary>
    private static void AssertNone(IEnumerable<string> violations)
    {
        string[] all = [.. violations];
        Assert.True(all.Length == 0, "not allowed:\n" + string.Join("\n", all));
    }

    private static IEnumerable<ProjectFile> Known(IEnumerable<ProjectFile> projects) => projects.Where(p => p.Layer is not null);

    private static IEnumerable<ProjectFile> Targets(ProjectFile project) =>
        project.References.Where(ByPath.ContainsKey).Select(r => ByPath[r]).Where(t => t.Layer is not null);
}
