using System.Text;

namespace Vmre.Lnere.Csv;

/// <summary>
/// Streams RFC 4180 records from a reader: quoted fields may hold commas, doubled quotes and
/// line breaks. Holds one record at a time, so a 2,000,000-row LNERE never sits in memory.
/// </summary>
public static class CsvRecordReader
{
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var lineNumber = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var start = lineNumber;
            fields.Clear();
            field.Clear();
            string? error = null;
            var inQuotes = false;
            var pos = 0;
            while (true)
            {
                if (pos >= line.Length)
                {
                    if (!inQuotes) break;
                    // A quoted field continues on the next physical line.
                    var next = reader.ReadLine();
                    if (next is null) { error = "unterminated quoted field"; break; }
                    lineNumber++;
                    field.Append('\n');
                    line = next;
                    pos = 0;
                    continue;
                }
                var c = line[pos++];
                if (inQuotes)
                {
                    if (c != '"') field.Append(c);
                    else if (pos < line.Length && line[pos] == '"') { field.Append('"'); pos++; }
                    else
                    {
                        inQuotes = false;
                        if (pos < line.Length && line[pos] != ',') { error = $"text after closing quote in field {fields.Count + 1}"; break; }
                    }
                }
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else if (c == '"' && field.Length == 0) inQuotes = true;
                else if (c == '"') { error = $"stray quote in field {fields.Count + 1}"; break; }
                else field.Append(c);
            }
            fields.Add(field.ToString());
            yield return new CsvRecord(start, fields.ToArray(), error);
        }
    }
}
