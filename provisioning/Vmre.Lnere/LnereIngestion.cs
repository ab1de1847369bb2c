using Vmre.Common.Serialization;

namespace Vmre.Lnere;

/// <summary>
/// All-or-nothing ingestion: every valid record is handed to the consumer as it streams by,
/// but if any row is malformed the whole ingestion is refused, listing the first few
/// reasons with their line numbers (brief: bad input gets a specific error). The caller must
/// discard whatever it built when the result is a failure.
/// </summary>
public static class LnereIngestion
{
    public const int ReasonsShown = 5;

    public static Parsed<int> Run(string path, Action<int, LnereRecord> consume)
    {
        if (!File.Exists(path)) return Parsed<int>.Fail($"LNERE file not found: {path}");
        try
        {
            return Run(LnereReader.Read(path), consume);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Parsed<int>.Fail($"{path} is not valid UTF-8");
        }
    }

    public static Parsed<int> Run(IEnumerable<LnereRow> rows, Action<int, LnereRecord> consume)
    {
        var reasons = new List<string>();
        var malformed = 0;
        var valid = 0;
        foreach (var row in rows)
        {
            if (row.IsOk)
            {
                valid++;
                if (malformed == 0) consume(row.Line, row.Record!);
                continue;
            }
            malformed++;
            if (reasons.Count < ReasonsShown) reasons.Add($"  line {row.Line}: {row.Error}");
        }
        if (malformed == 0) return Parsed<int>.Ok(valid);
        var more = malformed > reasons.Count ? $"\n  … and {malformed - reasons.Count} more" : "";
        return Parsed<int>.Fail($"{malformed} malformed LNERE row(s); nothing was ingested:\n{string.Join("\n", reasons)}{more}");
    }
}
