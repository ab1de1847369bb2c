using System.Diagnostics;

namespace Vmre.ModuleServer.Tests.Edges;

/// <summary>
/// A real, size-limited file system (tmpfs, <c>mount -t tmpfs -o size=…</c>) mounted over a
/// folder, with the folder's files carried onto it: the module server's data folder on a disk that
/// really fills (issue 11 point 2). Unmounted on dispose, the files copied back out first so the
/// folder's owner can still clean up.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly string _dir;
    private bool _mounted;

    public SmallDisk(string dir, int sizeMb)
    {
        _dir = dir;
        var aside = dir + ".aside";
        Directory.Move(dir, aside);
        Directory.CreateDirectory(dir);
        Run("mount", "-t", "tmpfs", "-o", $"size={sizeMb}m,mode=0700", "tmpfs", dir);
        _mounted = true;
        foreach (var file in Directory.GetFiles(aside)) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        Directory.Delete(aside, recursive: true);
    }

    public string Filler => Path.Combine(_dir, "filler.bin");

    public long Free => new DriveInfo(_dir).AvailableFreeSpace;

    /// <summary>Writes a filler file until the disk refuses one more byte, or until only <paramref name="leaveBytes"/> are free.</summary>
    public void Fill(long leaveBytes = 0)
    {
        using var filler = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 0);
        var chunk = new byte[4096];
        try
        {
            while (Free - chunk.Length >= leaveBytes) filler.Write(chunk);
            if (leaveBytes > 0) return;
            while (true) filler.Write(chunk.AsSpan(0, 1));
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full.
        }
    }

    public void MakeRoom() => File.Delete(Filler);

    public void Dispose()
    {
        if (!_mounted) return;
        var aside = _dir + ".aside";
        Directory.CreateDirectory(aside);
        File.Delete(Filler);
        foreach (var file in Directory.GetFiles(_dir)) File.Copy(file, Path.Combine(aside, Path.GetFileName(file)));
        Run("umount", _dir);
        _mounted = false;
        Directory.Delete(_dir, recursive: true);
        Directory.Move(aside, _dir);
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {error}");
    }
}
