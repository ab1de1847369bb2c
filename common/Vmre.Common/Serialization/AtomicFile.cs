namespace Vmre.Common.Serialization;

/// <summary>
/// Write a whole file or nothing (standards: a process killed mid-write leaves nothing
/// half-written): write to a temporary sibling, fsync, then rename over the target. The file is
/// created 0600 (issue 11 point 6), and a write that fails (a full disk) removes its temporary
/// sibling so the space it took is given back.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        // A folder made here is the owner's alone (issue 11 point 6); an existing one is left as it is.
        if (!Directory.Exists(folder)) Storage.PrivateFiles.Folder(folder);
        var temp = full + ".tmp-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        try
        {
            using (var stream = new FileStream(temp, Storage.PrivateFiles.Create(FileMode.CreateNew, FileAccess.Write)))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static void WriteText(string path, string text) => Write(path, System.Text.Encoding.UTF8.GetBytes(text));
}
