namespace Vmre.Provisioning.Modules;

/// <summary>The four modules of the 2023 pilot (shared/design/DATA.md, "Scale").</summary>
public static class PilotModules
{
    public static IReadOnlyList<MrvModule> All { get; } =
    [
        new("MRV-CHI", "Chicago", "America/Chicago", "United States", 0.35),
        new("MRV-DAL", "Dallas", "America/Chicago", "United States", 0.25),
        new("MRV-LAX", "Los Ángeles", "America/Los_Angeles", "United States", 0.30),
        new("MRV-MTL", "Montreal", "America/Toronto", "Canada", 0.10),
    ];

    public static MrvModule? Find(string id) => All.FirstOrDefault(m => m.Id == id);

    public static string Known => string.Join(", ", All.Select(m => m.Id));
}
