using System.Text;
using Vmre.Lnere.Csv;

namespace Vmre.Lnere;

/// <summary>
/// Streams an LNERE CSV (docs/formats/lnere.md) row by row into validated records. The
/// header must match exactly; each data row comes back as an <see cref="LnereRow"/> holding
/// either the record or the line number and reason it is malformed. Only one row is held at
/// a time. For all-or-nothing ingestion use <see cref="LnereIngestion"/>.
/// </summary>
public static class LnereReader
{
    public static IEnumerable<LnereRow> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), true, 1 << 16);
        foreach (var row in Read(reader)) yield return row;
    }

    public static IEnumerable<LnereRow> Read(TextReader reader)
    {
        var headerSeen = false;
        foreach (var csv in CsvRecordReader.Read(reader))
        {
            if (!headerSeen)
            {
                headerSeen = true;
                if (!csv.Fields.SequenceEqual(LnereCodes.Header))
                {
                    yield return LnereRow.Malformed(csv.Line, "header must be: " + string.Join(",", LnereCodes.Header));
                    yield break;
                }
                continue;
            }
            if (csv.Error is not null) yield return LnereRow.Malformed(csv.Line, csv.Error);
            else if (csv.Fields is [""]) yield return LnereRow.Malformed(csv.Line, "empty line");
            else yield return LnereRowParser.Parse(csv.Line, csv.Fields);
        }
        if (!headerSeen) yield return LnereRow.Malformed(1, "file is empty (no header)");
    }
}
