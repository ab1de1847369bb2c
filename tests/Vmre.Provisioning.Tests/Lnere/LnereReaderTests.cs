using Vmre.Lnere;
using Vmre.Provisioning.Slicing;
using Vmre.Provisioning.Modules;

namespace Vmre.Provisioning.Tests.Lnere;

public class LnereReaderTests
{
    private const string Header = "clave_elector,cic,citizen_id,surnames,given_names,sex,birth_date,entidad,country,channel,credential,status,modality,module";
    private const string Good = "PRNXMR80010215M123,123456789,1234567890123,Pérez Núñez,María José,M,1980-01-02,15,United States,INETEL,CPVE,cumple,presencial,MRV-CHI";

    private static List<LnereRow> Read(params string[] lines) =>
        LnereReader.Read(new StringReader(string.Join("\n", lines) + "\n")).ToList();

    [Fact]
    public void Reads_a_good_row_with_accents()
    {
        var row = Assert.Single(Read(Header, Good));
        Assert.True(row.IsOk, row.Error);
        Assert.Equal("Pérez Núñez", row.Record!.Surnames);
        Assert.Equal(Modality.Presencial, row.Record.Modality);
        Assert.True(row.Record.VotesInPersonAt("MRV-CHI"));
    }

    [Fact]
    public void Quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var row = Read(Header, Good.Replace("Pérez Núñez", "\"Pérez, \"\"Núñez\"\"\nde la Cruz\""), Good.Replace("123456789", "123456780"));
        Assert.Equal(2, row.Count);
        Assert.Equal("Pérez, \"Núñez\"\nde la Cruz", row[0].Record!.Surnames);
        Assert.Equal(4, row[1].Line); // the quoted line break moved the next record down a line
    }

    [Theory]
    [InlineData("PRNXMR80010215M12", "clave_elector must be 18 characters, got 17")]
    [InlineData("PRNXMR80130215M123", "clave_elector holds no valid date '801302'")]
    [InlineData("PRNXMR80010215H123", "clave_elector sex H disagrees with sex M")]
    public void Bad_clave_gives_a_specific_reason(string clave, string reason)
    {
        var row = Read(Header, Good.Replace("PRNXMR80010215M123", clave))[0];
        Assert.Equal(reason, row.Error);
        Assert.Equal(2, row.Line);
    }

    [Theory]
    [InlineData("cumple,presencial,MRV-CHI", "cumple,presencial,", "module must be MRV- and 2-8 letters for presencial, got ''")]
    [InlineData("cumple,presencial,MRV-CHI", "subsane,postal,", "modality must be empty for status subsane, got 'postal'")]
    [InlineData("cumple,presencial,MRV-CHI", "cumple,postal,MRV-CHI", "module must be empty unless modality is presencial, got 'MRV-CHI'")]
    [InlineData("INETEL", "PHONE", "channel must be INETEL or SRVE, got 'PHONE'")]
    [InlineData(",15,", ",33,", "entidad must be 01-32, got '33'")]
    [InlineData("123456789", "12345678", "cic must be 9 digits, got '12345678'")]
    [InlineData("1980-01-02", "1980-1-2", "birth_date must be YYYY-MM-DD, got '1980-1-2'")]
    [InlineData(",MRV-CHI", ",MRV-CHI,extra", "expected 14 fields, got 15")]
    public void Bad_fields_give_specific_reasons(string from, string to, string reason) =>
        Assert.Equal(reason, Read(Header, Good.Replace(from, to))[0].Error);

    [Fact]
    public void Wrong_header_is_refused_at_line_1()
    {
        var row = Assert.Single(Read(Header.Replace("cic", "CIC"), Good));
        Assert.Equal(1, row.Line);
        Assert.StartsWith("header must be:", row.Error);
    }

    [Fact]
    public void Ingestion_refuses_whole_file_naming_line_and_reason()
    {
        var rows = Read(Header, Good, Good.Replace("M,1980", "X,1980").Replace("123456789", "123456780"), Good.Replace("123456789", "123456781"));
        var consumed = 0;
        var result = LnereIngestion.Run(rows, (_, _) => consumed++);
        Assert.False(result.IsOk);
        Assert.Contains("1 malformed LNERE row(s); nothing was ingested", result.Error);
        Assert.Contains("line 3: sex must be H or M, got 'X'", result.Error);
    }

    [Fact]
    public void Slicing_refuses_a_repeated_clave()
    {
        var rows = Read(Header, Good, Good.Replace("123456789", "987654321"));
        var cut = LnereSlicer.Cut(rows, PilotModules.Find("MRV-CHI")!, "E");
        Assert.False(cut.IsOk);
        Assert.Contains("line 3: clave_elector already on an earlier row", cut.Error);
    }
}
