namespace Vmre.TestSupport;

/// <summary>A fresh directory per test under the system temp folder, removed at dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Path = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vmre-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string Path { get; }

    /// <summary>A file path inside the directory (not created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A sub-folder path inside the directory (not created).</summary>
    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
