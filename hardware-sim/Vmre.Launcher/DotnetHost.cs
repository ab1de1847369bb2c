using System.Runtime.InteropServices;

namespace Vmre.Launcher;

/// <summary>
/// The `dotnet` host the launcher execs, from a fixed list, never from the caller's PATH (a PATH
/// naming a folder of the caller's would run its own `dotnet` on the measured state: security
/// review of issue 10 point 1). Resolved through realpath(3), so the path exec'd is the file itself.
/// </summary>
internal static partial class DotnetHost
{
    public static readonly string[] Candidates = ["/usr/bin/dotnet", "/usr/share/dotnet/dotnet", "/usr/lib/dotnet/dotnet"];

    /// <summary>The first candidate that exists, as its real path; null when none does.</summary>
    public static string? Find() => Candidates.Select(RealPath).FirstOrDefault(p => p is not null && File.Exists(p));

    /// <summary>realpath(3): every symbolic link in every component resolved; null when the path does not exist.</summary>
    public static string? RealPath(string path)
    {
        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { Free(resolved); }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
