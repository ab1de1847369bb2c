namespace Vmre.Simulator.Processes;

/// <summary>
/// Where the other parts' programs are: the simulator runs each part as its own process,
/// from the same build (configuration) as itself.
/// </summary>
public sealed class RepositoryLayout(string root, string configuration)
{
    public string Root { get; } = root;

    public static RepositoryLayout Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vmre.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Vmre.sln not found above " + AppContext.BaseDirectory);
        var configuration = AppContext.BaseDirectory.Contains("/bin/Release/") ? "Release" : "Debug";
        return new RepositoryLayout(dir.FullName, configuration);
    }

    public string Provisioning => Program("provisioning/Vmre.Provisioning", "vmre-provision.dll");
    public string ModuleServer => Program("module-server/Vmre.ModuleServer", "vmre-module-server.dll");
    public string Terminal => Program("terminal-app/Vmre.Terminal", "vmre-terminal.dll");
    /// <summary>
    /// The terminal's program folder, its build output: what the measured start hashes as the
    /// `program` item (issue 10 point 1), so the manifest and every start measure the same files.
    /// </summary>
    public string TerminalProgram => Path.GetDirectoryName(Terminal)!;
    /// <summary>The measured-start stage that starts every terminal (issue 10 point 1; the boot chain on a real board).</summary>
    public string Launcher => Program("hardware-sim/Vmre.Launcher", "vmre-launch.dll");

    private string Program(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", configuration, "net10.0", dll);
        if (!File.Exists(path)) throw new FileNotFoundException($"{dll} is not built (run ./vmre build)", path);
        return path;
    }
}
