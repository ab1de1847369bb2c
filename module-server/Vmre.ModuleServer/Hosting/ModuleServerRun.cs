namespace Vmre.ModuleServer.Hosting;

/// <summary>
/// `vmre-module-server` once its command line parsed: build (every signed input verified,
/// rules.md R5), start, say where it listens and what it loaded, serve until stopped.
/// </summary>
public static class ModuleServerRun
{
    public static async Task<int> Serve(ModuleServerOptions options, TextWriter output, TextWriter error, CancellationToken stop)
    {
        var built = ModuleServerApp.Build(options);
        if (!built.IsOk)
        {
            error.WriteLine($"{CommandLine.Program} refused to start: {built.Error}");
            return Vmre.Cli.ExitCode.Refused;
        }
        await using var faces = built.Value!;
        await faces.StartAsync(stop);
        var loaded = faces.Services.GetRequiredService<LoadedModule>();
        output.WriteLine($"{CommandLine.Program} desk (kiosk face) on {faces.KioskUrl}, loopback only; LAN face on {faces.LanUrl}, mutual TLS");
        output.WriteLine($"loaded module {loaded.ModuleId}, election {loaded.ElectionId}, package hash {loaded.PackageHash}");
        output.WriteLine($"loaded LNERE slice {loaded.SliceHash} ({loaded.VotersInSlice} voters); printer: {loaded.Printer}");
        output.Flush();
        await faces.Kiosk.WaitForShutdownAsync(stop);
        await faces.StopAsync();
        return Vmre.Cli.ExitCode.Ok;
    }
}
