using Vmre.Common.Serialization;
using Vmre.Common.Tests.Support;

namespace Vmre.Common.Tests.Serialization;

/// <summary>rules.md R6: a document is written whole or not at all, never half.</summary>
public class AtomicFileTests
{
    [Fact]
    public void Overwrite_leaves_the_new_content_and_no_temp_files()
    {
        using var dir = new TempDir();
        var path = dir.File("acta.json");
        AtomicFile.WriteText(path, "old");
        Assert.Equal("old", File.ReadAllText(path));
        AtomicFile.WriteText(path, "nuevo contenido — ñ");
        Assert.Equal("nuevo contenido — ñ", File.ReadAllText(path));
        Assert.Equal(["acta.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Creates_missing_directories()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "a", "b", "doc.bin");
        AtomicFile.Write(path, [1, 2, 3]);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
    }

    [Fact]
    public void A_failed_write_leaves_no_temporary_file_behind()
    {
        // The target is a directory, so the final rename must fail (even as root).
        using var dir = new TempDir();
        var path = dir.File("record.json");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "keep"), "old");
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteText(path, "new"));
        Assert.Equal(["record.json"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
        Assert.Equal("old", File.ReadAllText(Path.Combine(path, "keep")));
    }

    [Fact]
    public void Concurrent_writers_leave_one_whole_version()
    {
        using var dir = new TempDir();
        var path = dir.File("state.json");
        var versions = Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), 64 * 1024)).ToArray();
        Parallel.ForEach(versions, v => AtomicFile.WriteText(path, v));
        Assert.Contains(File.ReadAllText(path), versions);
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
