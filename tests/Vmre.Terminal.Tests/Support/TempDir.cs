namespace Vmre.Terminal.Tests.Support;

/// <summary>A fresh folder under /tmp, removed at dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Path = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vmre-terminal-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
