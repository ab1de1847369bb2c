namespace Vmre.TestSupport;

/// <summary>
/// Where tests leave files meant for a person to look at (screenshots, accessibility reports):
/// the folder named by <see cref="Variable"/> if set, else <c>test-artifacts/</c> beside the test
/// assembly (the build output, never the sources, never a shared fixed path). One sub-folder per
/// test class; file names are the test's own, so no two tests write the same file.
/// </summary>
public static class TestArtifacts
{
    public const string Variable = "VMRE_TEST_ARTIFACTS";

    public static string Root => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } set
        ? set
        : Path.Combine(AppContext.BaseDirectory, "test-artifacts");

    /// <summary>A path for <paramref name="name"/> in <paramref name="testClass"/>'s folder (the folder is created).</summary>
    public static string File(string testClass, string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(Root, testClass)).FullName, name);
}
