using System.Globalization;
using Vmre.Lnere.Csv;

namespace Vmre.Lnere;

/// <summary>Writes LNERE rows in the CSV layout <see cref="LnereReader"/> reads (docs/formats/lnere.md).</summary>
public static class LnereWriter
{
    public static void WriteHeader(TextWriter writer) => writer.Write(string.Join(",", LnereCodes.Header) + "\n");

    public static void Write(TextWriter w, LnereRecord r)
    {
        w.Write(r.Clave); w.Write(',');
        w.Write(r.Cic); w.Write(',');
        w.Write(r.CitizenId); w.Write(',');
        CsvField.Write(w, r.Surnames); w.Write(',');
        CsvField.Write(w, r.GivenNames); w.Write(',');
        w.Write(LnereCodes.Of(r.Sex)); w.Write(',');
        w.Write(r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); w.Write(',');
        w.Write(r.Entidad); w.Write(',');
        CsvField.Write(w, r.Country); w.Write(',');
        w.Write(LnereCodes.Of(r.Channel)); w.Write(',');
        w.Write(LnereCodes.Of(r.Credential)); w.Write(',');
        w.Write(LnereCodes.Of(r.Status)); w.Write(',');
        w.Write(LnereCodes.Of(r.Modality)); w.Write(',');
        w.Write(r.ModuleId ?? "");
        // RFC 4180 says CRLF; we write LF (the reader accepts both) to keep files diff-friendly.
        w.Write('\n');
    }
}
