namespace Vmre.Lnere.Csv;

/// <summary>RFC 4180 output: a field is quoted only when it holds a comma, a quote or a line break.</summary>
public static class CsvField
{
    public static void Write(TextWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\""));
        writer.Write('"');
    }
}
