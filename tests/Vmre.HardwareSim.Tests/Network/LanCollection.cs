namespace Vmre.HardwareSim.Tests.Network;

/// <summary>
/// The module LAN tests run one at a time: a test that shows a dead run's leftover still exists
/// before the next start must not see another test's start sweep it first.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LanCollection
{
    public const string Name = "module LAN";
}
