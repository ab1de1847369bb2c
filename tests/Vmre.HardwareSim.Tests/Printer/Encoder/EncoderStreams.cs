using System.Diagnostics;

namespace Vmre.HardwareSim.Tests.Printer.Encoder;

/// <summary>
/// Runs hardware-sim/escpos-encoder-fixture/make-streams.mjs once per test class into a
/// temporary folder of its own and hands out the streams it wrote, by scenario name.
/// </summary>
public sealed class EncoderStreams : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vmre-escpos-encoder-").FullName;

    public EncoderStreams()
    {
        string fixture = Path.Combine(RepoRoot(), "hardware-sim", "escpos-encoder-fixture");
        if (!Directory.Exists(Path.Combine(fixture, "node_modules")))
            throw new InvalidOperationException($"the encoder is not installed: run ./vmre setup (or npm ci --prefix {fixture})");
        var start = new ProcessStartInfo("node") { WorkingDirectory = fixture, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("make-streams.mjs");
        start.ArgumentList.Add(_folder);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = node.StandardOutput.ReadToEndAsync();
        string stderr = node.StandardError.ReadToEnd();
        if (!node.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            node.Kill();
            throw new TimeoutException("make-streams.mjs did not finish within a minute");
        }
        if (node.ExitCode != 0)
            throw new InvalidOperationException($"make-streams.mjs exited {node.ExitCode}: {stderr}{stdout.Result}");
    }

    /// <summary>The bytes of one scenario of make-streams.mjs.</summary>
    public byte[] Stream(string scenario) => File.ReadAllBytes(Path.Combine(_folder, scenario + ".bin"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Vmre.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Vmre.sln not found above " + AppContext.BaseDirectory);
    }
}
