using System.Text;
using Vmre.Lnere;
using Vmre.Provisioning.Lnere.Synthetic;

namespace Vmre.Formats.Tests;

/// <summary>LNERE CSV version 1 (docs/formats/lnere.md): the header row is the version marker.</summary>
public class LnereVectorTests
{
    private const string Header =
        "clave_elector,cic,citizen_id,surnames,given_names,sex,birth_date,entidad,country,channel,credential,status,modality,module";

    [Fact]
    public void Generator_with_seed_2023_reproduces_the_first_20_rows_byte_for_byte()
    {
        var output = new StringWriter();
        new LnereGenerator(2023).Write(output);
        var first21Lines = string.Join("", output.ToString().Split('\n').Take(21).Select(l => l + "\n"));
        Assert.Equal(Vectors.Text("lnere-seed2023-first20.csv"), first21Lines);
        Assert.Equal(Vectors.Bytes("lnere-seed2023-first20.csv"), new UTF8Encoding(false).GetBytes(first21Lines));
    }

    [Fact]
    public void Golden_rows_all_parse()
    {
        Assert.StartsWith(Header + "\n", Vectors.Text("lnere-seed2023-first20.csv"));
        var rows = LnereReader.Read(Vectors.PathOf("lnere-seed2023-first20.csv")).ToList();
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsOk, $"line {r.Line}: {r.Error}"));
        Assert.Equal(Enumerable.Range(2, 20), rows.Select(r => r.Line));

        var first = rows[0].Record!;
        Assert.Equal(("ZXMDAR68012005M428", "550433150", "Zúñiga Medina", "Araceli"), (first.Clave, first.Cic, first.Surnames, first.GivenNames));
        Assert.Equal((Sex.M, new DateOnly(1968, 1, 20), "05", Modality.Postal, (string?)null),
            (first.Sex, first.BirthDate, first.Entidad, first.Modality, first.ModuleId));
        Assert.Contains(rows, r => r.Record!.ModuleId == "MRV-CHI");
    }

    [Fact]
    public void Golden_rows_round_trip_through_the_writer()
    {
        var output = new StringWriter();
        LnereWriter.WriteHeader(output);
        foreach (var row in LnereReader.Read(Vectors.PathOf("lnere-seed2023-first20.csv"))) LnereWriter.Write(output, row.Record!);
        Assert.Equal(Vectors.Text("lnere-seed2023-first20.csv"), output.ToString());
    }

    /// <summary>vectors/lnere-malformed.csv: one row per kind of malformation, each reported with its line.</summary>
    public static readonly (int Line, string Reason)[] MalformedReasons =
    [
        (2, "expected 14 fields, got 13"),
        (3, "clave_elector must be 18 characters, got 17"),
        (4, "clave_elector must start with 6 letters A-Z"),
        (5, "clave_elector positions 7-14 must be digits (YYMMDD + state)"),
        (6, "clave_elector holds no valid date '651331'"),
        (7, "clave_elector state of birth 33 is not 01-32 or 87"),
        (8, "clave_elector position 15 must be H or M"),
        (9, "clave_elector homoclave must be A-Z or 0-9"),
        (10, "cic must be 9 digits, got '20032148'"),
        (11, "citizen_id must be 13 digits, got '100000000000X'"),
        (12, "surnames is empty"),
        (13, "given_names is empty"),
        (14, "sex must be H or M, got 'X'"),
        (15, "birth_date must be YYYY-MM-DD, got '21/11/1965'"),
        (16, "clave_elector date 651121 disagrees with birth_date 1965-11-22"),
        (17, "clave_elector sex H disagrees with sex M"),
        (18, "entidad must be 01-32, got '33'"),
        (19, "country is empty"),
        (20, "channel must be INETEL or SRVE, got 'WEB'"),
        (21, "credential must be CPVE or CPV, got 'INE'"),
        (22, "status must be cumple, subsane or revision, got 'maybe'"),
        (23, "modality must be internet, postal or presencial for status cumple, got ''"),
        (24, "modality must be empty for status subsane, got 'postal'"),
        (25, "module must be MRV- and 2-8 letters for presencial, got 'CHI'"),
        (26, "module must be empty unless modality is presencial, got 'MRV-CHI'"),
        (27, "empty line"),
        (28, "stray quote in field 4"),
        (29, "text after closing quote in field 4"),
        (30, "unterminated quoted field"),
    ];

    [Fact]
    public void Every_malformed_row_is_reported_with_its_line_and_reason()
    {
        var rows = LnereReader.Read(Vectors.PathOf("lnere-malformed.csv")).ToList();
        Assert.All(rows, r => Assert.False(r.IsOk));
        Assert.Equal(MalformedReasons, rows.Select(r => (r.Line, r.Error!)).ToArray());
    }

    [Fact]
    public void Ingestion_refuses_the_whole_file_listing_the_first_five_reasons()
    {
        var consumed = 0;
        var result = LnereIngestion.Run(Vectors.PathOf("lnere-malformed.csv"), (_, _) => consumed++);
        Assert.False(result.IsOk);
        Assert.Equal(0, consumed);
        Assert.Equal(
            "29 malformed LNERE row(s); nothing was ingested:\n" +
            string.Join("\n", MalformedReasons.Take(5).Select(r => $"  line {r.Line}: {r.Reason}")) +
            "\n  … and 24 more",
            result.Error);
    }

    [Fact]
    public void A_wrong_header_or_an_empty_file_is_refused()
    {
        var wrong = LnereReader.Read(new StringReader(Header.Replace("cic", "CIC") + "\n")).Single();
        Assert.Equal((1, "header must be: " + Header), (wrong.Line, wrong.Error));
        var empty = LnereReader.Read(new StringReader("")).Single();
        Assert.Equal((1, "file is empty (no header)"), (empty.Line, empty.Error));
    }

    [Fact]
    public void Crlf_line_ends_read_the_same()
    {
        var crlf = Vectors.Text("lnere-seed2023-first20.csv").Replace("\n", "\r\n");
        var rows = LnereReader.Read(new StringReader(crlf)).ToList();
        Assert.Equal(LnereReader.Read(Vectors.PathOf("lnere-seed2023-first20.csv")).Select(r => r.Record), rows.Select(r => r.Record));
    }
}
