namespace Vmre.Simulator.Election;

/// <summary>What to simulate: one module, its terminals, how many voters; where the artifacts go.</summary>
public sealed record SimulationOptions(
    string OutDir, int Voters = 24, int Terminals = 2, int Seed = 2023, string ModuleId = "MRV-CHI", int? LnereCount = null)
{
    public static SimulationOptions Parse(string[] args)
    {
        string? Get(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var options = new SimulationOptions(Get("--out") ?? "vmre-demo");
        if (Get("--voters") is { } v) options = options with { Voters = Count("--voters", v) };
        if (Get("--seed") is { } s) options = options with { Seed = Count("--seed", s) };
        // A larger synthetic LNERE (same DATA.md proportions) gives the module more voters.
        if (Get("--lnere-count") is { } n) options = options with { LnereCount = Count("--lnere-count", n) };
        return options;
    }

    private static int Count(string option, string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} needs a positive whole number, got '{text}'");
}

/// <summary>The module's officials in the simulation (demo credentials, never real ones).</summary>
public sealed record SimOfficial(string CredentialId, string Role, string Name, string Pin)
{
    public static readonly SimOfficial Presidente = new("OF-CHI-01", "presidente", "María Fernanda López Ruiz", "482913");
    public static readonly SimOfficial Secretario = new("OF-CHI-02", "secretario", "José Luis Hernández Soto", "615204");
    public static readonly SimOfficial Escrutador = new("OF-CHI-03", "escrutador", "Ana Sofía Ramírez Cruz", "739051");
    public static readonly SimOfficial[] All = [Presidente, Secretario, Escrutador];

    public string Argument => $"{CredentialId}:{Role}:{Name}:{Pin}";
}
