namespace Vmre.ModuleServer.Hosting;

/// <summary>
/// What a started module server verified and loaded, for the lines it prints at start
/// (issue 7.5: services say where they listen and what they loaded).
/// </summary>
public sealed record LoadedModule(string ModuleId, string ElectionId, string PackageHash, string SliceHash, int VotersInSlice, string Printer);
