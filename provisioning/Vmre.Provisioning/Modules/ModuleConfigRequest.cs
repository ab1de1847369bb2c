namespace Vmre.Provisioning.Modules;

/// <summary>What `module configure` was asked for, before anything is checked.</summary>
public sealed record ModuleConfigRequest(
    string ModuleId,
    string PackagePath,
    IReadOnlyList<string> Terminals,
    IReadOnlyList<string> Officials,
    int WalkInCap,
    string? SlicePath = null,
    int ActivationMinutes = Vmre.Common.Module.ModuleConfig.DefaultActivationMinutes,
    IReadOnlyList<string>? Consoles = null);
