namespace Vmre.Architecture.Tests;

/// <summary>
/// The rooms of the repository, lowest first (docs/architecture.md): firmware ← common ←
/// devices ← hosts; the hardware simulator and the tests above them all. A project's layer is
/// the top-level folder it lives in.
/// </summary>
public enum Layer
{
    Firmware,
    Common,
    Devices,
    /// <summary>terminal-app, module-server, provisioning: the programs an election runs.</summary>
    Hosts,
    HardwareSim,
    Tests,
}

public static class Layers
{
    /// <summary>The layer of a project from its path relative to the repository root; null for a folder no rule knows.</summary>
    public static Layer? Of(string relativePath) => relativePath.Split('/')[0] switch
    {
        "firmware" => Layer.Firmware,
        "common" => Layer.Common,
        "devices" => Layer.Devices,
        "terminal-app" or "module-server" or "provisioning" => Layer.Hosts,
        "hardware-sim" => Layer.HardwareSim,
        "tests" => Layer.Tests,
        _ => null,
    };

    /// <summary>What runs at a polling station or in the election authority: everything below the simulator.</summary>
    public static bool IsProduction(Layer layer) => layer <= Layer.Hosts;
}
