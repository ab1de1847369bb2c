using Vmre.Lnere;

namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>What a generation run wrote, tallied as it streamed, for the command's report and the tests.</summary>
public sealed class GenerationSummary
{
    public int Rows { get; set; }
    public SortedDictionary<string, int> ByEntidad { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> ByStatus { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> PresencialByEntidad { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> ByModality { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> ByModule { get; } = new(StringComparer.Ordinal);

    public void Count(LnereRecord r)
    {
        Rows++;
        Add(ByEntidad, r.Entidad);
        Add(ByStatus, LnereCodes.Of(r.Status));
        if (r.Modality is { } m) Add(ByModality, LnereCodes.Of(m));
        if (r.ModuleId is { } module)
        {
            Add(ByModule, module);
            Add(PresencialByEntidad, r.Entidad);
        }
    }

    public static string Line(SortedDictionary<string, int> counts) =>
        string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value:N0}"));

    private static void Add(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
