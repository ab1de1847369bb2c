using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Vmre.HardwareSim.Tests.Printer.Zbar;

/// <summary>
/// zbarimg (Debian zbar-tools), a reader written by other people with other defaults than ZXing,
/// run at its default settings: what an observer's own scanner would read off the paper.
/// </summary>
internal static class Zbarimg
{
    /// <summary>The text of every symbol zbarimg finds in the PNG (--raw: data only, one per line).</summary>
    public static string[] Read(byte[] png)
    {
        var dir = Directory.CreateTempSubdirectory("vmre-zbar-");
        try
        {
            string path = Path.Combine(dir.FullName, "paper.png");
            File.WriteAllBytes(path, png);
            var start = new ProcessStartInfo("zbarimg")
            {
                ArgumentList = { "--raw", "-q", path },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            Process process;
            try { process = Process.Start(start)!; }
            catch (Win32Exception e)
            {
                Assert.Fail($"zbarimg could not run ({e.Message}): it is in Debian's zbar-tools, which `./vmre setup` installs");
                throw;
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                process.WaitForExit();
                // Exit status 4: the image was read and held no symbol.
                Assert.True(process.ExitCode is 0 or 4, $"zbarimg failed ({process.ExitCode}): {errors.Result}");
                return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
        finally { dir.Delete(recursive: true); }
    }
}
