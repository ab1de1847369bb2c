namespace Vmre.EndToEnd.Tests;

/// <summary>
/// The tests that run a whole simulated module (its processes, swtpms and module LAN) take turns:
/// the machine has few cores, and a module's timeouts are for one module at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SimulatedModuleCollection
{
    public const string Name = "simulated module";
}
