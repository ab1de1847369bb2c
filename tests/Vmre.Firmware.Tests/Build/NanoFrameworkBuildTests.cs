using System.Diagnostics;

namespace Vmre.Firmware.Tests.Build;

/// <summary>
/// Proves the nanoFramework compile check is real: the firmware sources build against
/// nanoFramework's mscorlib, and the same build fails once a file uses List&lt;T&gt;.
/// Works in a scratch copy in a temporary folder of its own (never inside the repository), with
/// the repository's Directory.*.props (central package versions) and global.json copied beside
/// it so they apply as in the repository; the copy is deleted afterwards.
/// </summary>
public class NanoFrameworkBuildTests
{
    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Vmre.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Vmre.sln not found above " + AppContext.BaseDirectory);
    }

    static (int exitCode, string output) BuildCopy(bool addBadFile)
    {
        var root = RepoRoot();
        var work = Path.Combine(Path.GetTempPath(), "vmre-nano-check", Guid.NewGuid().ToString("N"));
        var sources = Path.Combine(work, "src");
        try
        {
            Directory.CreateDirectory(work);
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
                File.Copy(Path.Combine(root, file), Path.Combine(work, file));
            var firmware = Path.Combine(root, "firmware", "Vmre.Firmware");
            foreach (var file in Directory.EnumerateFiles(firmware, "*.cs", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(firmware, file);
                var first = rel.Split(Path.DirectorySeparatorChar)[0];
                if (first is "bin" or "obj") continue;
                var target = Path.Combine(sources, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            if (addBadFile)
            {
                File.WriteAllText(Path.Combine(sources, "UsesGenericList.cs"),
                    "namespace Vmre.Firmware { public static class UsesGenericList { public static object Make() { return new System.Collections.Generic.List<int>(); } } }");
            }
            var csproj = Path.Combine(work, "Vmre.Firmware.Nano.csproj");
            File.Copy(Path.Combine(root, "firmware", "Vmre.Firmware.Nano", "Vmre.Firmware.Nano.csproj"), csproj);

            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = work,
            };
            foreach (var arg in new[] { "build", csproj, "-p:FirmwareSources=" + sources, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:minimal" })
                psi.ArgumentList.Add(arg);
            // The test host's MSBuild variables would point the child build at the wrong SDK pieces.
            foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
                psi.Environment.Remove(key);

            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("nano build took over 5 minutes");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            // Remove the scratch root too once no other run is using it.
            try { Directory.Delete(Path.GetDirectoryName(work)!); } catch (IOException) { }
        }
    }

    [Fact]
    public void Nano_framework_build_rejects_generic_collections()
    {
        var (exitCode, output) = BuildCopy(addBadFile: true);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("CS0234", output);
        Assert.Contains("UsesGenericList.cs", output);
    }

    [Fact]
    public void Nano_framework_build_accepts_firmware_sources()
    {
        var (exitCode, output) = BuildCopy(addBadFile: false);
        Assert.True(exitCode == 0, output);
    }
}
