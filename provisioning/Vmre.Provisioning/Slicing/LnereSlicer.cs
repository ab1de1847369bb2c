using Vmre.Common.Lnere;
using Vmre.Common.Serialization;
using Vmre.Lnere;
using Vmre.Provisioning.Modules;

namespace Vmre.Provisioning.Slicing;

/// <summary>Ingests a whole LNERE and cuts one module's slice, or refuses with the first reasons.</summary>
public static class LnereSlicer
{
    public static Parsed<SliceResult> Cut(string lnerePath, MrvModule module, string electionId)
    {
        var builder = new SliceBuilder(module, electionId);
        return Finish(LnereIngestion.Run(lnerePath, builder.Add), builder);
    }

    public static Parsed<SliceResult> Cut(IEnumerable<LnereRow> rows, MrvModule module, string electionId)
    {
        var builder = new SliceBuilder(module, electionId);
        return Finish(LnereIngestion.Run(rows, builder.Add), builder);
    }

    private static Parsed<SliceResult> Finish(Parsed<int> ingested, SliceBuilder builder)
    {
        if (!ingested.IsOk) return Parsed<SliceResult>.Fail(ingested.Error!);
        if (builder.ProblemCount > 0)
        {
            var more = builder.ProblemCount > builder.FirstProblems.Count
                ? $"\n  … and {builder.ProblemCount - builder.FirstProblems.Count} more" : "";
            return Parsed<SliceResult>.Fail(
                $"{builder.ProblemCount} repeated key(s) in the LNERE; no slice was cut:\n{string.Join("\n", builder.FirstProblems)}{more}");
        }
        return Parsed<SliceResult>.Ok(new SliceResult(builder.Build(), ingested.Value, builder.BlockedByReason));
    }
}
