namespace Vmre.HardwareSim.Tests.Network;

/// <summary>A fresh folder under the system temp folder, removed at dispose (this project has no TestSupport reference).</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("vmre-lan-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
