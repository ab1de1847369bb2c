using CsCheck;
using Vmre.Firmware.Credential;

using Vmre.Firmware.Tests.Support;

namespace Vmre.Firmware.Tests.Credential;

public class MrzTests
{
    // Synthetic person, invented data.
    static string Valid() => MrzBuilder.Build("123456789", "0123456789012", "850412", "F", "341231", "GARCIA LOPEZ", "MARIA JOSE");

    [Fact]
    public void Builder_golden_lines()
    {
        var lines = Valid().Split('\n');
        Assert.Equal("IDMEX1234567897<<0123456789012", lines[0]);
        Assert.Equal("8504124F3412318MEX<<<<<<<<<<<4", lines[1]);
        Assert.Equal("GARCIA<LOPEZ<<MARIA<JOSE<<<<<<", lines[2]);
    }

    [Fact]
    public void Round_trips_through_parser()
    {
        var r = MrzParser.Parse(Valid());
        Assert.True(r.Ok, r.Reason);
        var c = r.Credential;
        Assert.Equal("123456789", c.DocumentNumber);
        Assert.Equal("0123456789012", c.CitizenId);
        Assert.Equal("850412", c.BirthDate);
        Assert.Equal("F", c.Sex);
        Assert.Equal("341231", c.ExpiryDate);
        Assert.Equal("MEX", c.Nationality);
        Assert.Equal("GARCIA LOPEZ", c.Surnames);
        Assert.Equal("MARIA JOSE", c.GivenNames);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Tolerates_cr_lf_and_trailing_newline(string newline)
    {
        var text = Valid().Replace("\n", newline) + newline;
        Assert.True(MrzParser.Parse(text).Ok);
    }

    [Fact]
    public void Citizen_id_is_null_when_absent()
    {
        var r = MrzParser.Parse(MrzBuilder.Build("987654321", null, "000229", "M", "300101", "PEREZ", "JUAN"));
        Assert.True(r.Ok, r.Reason);
        Assert.Null(r.Credential.CitizenId);
    }

    [Fact]
    public void Icao_td1_specimen_check_digits_validate()
    {
        // ICAO 9303 part 5 TD1 specimen (Utopia, Anna Maria Eriksson).
        const string l1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
        const string l2 = "7408122F1204159UTO<<<<<<<<<<<6";
        Assert.True(MrzCheckDigit.Matches("D23145890", l1[14]));
        Assert.True(MrzCheckDigit.Matches("740812", l2[6]));
        Assert.True(MrzCheckDigit.Matches("120415", l2[14]));
        Assert.True(MrzCheckDigit.Matches(l1.Substring(5, 25) + l2.Substring(0, 7) + l2.Substring(8, 7) + l2.Substring(18, 11), l2[29]));
        // Structurally valid, but not a Mexican ID: refused for type before any check digit.
        Assert.Equal(MrzReasons.DocumentType, MrzParser.Parse(l1 + "\n" + l2 + "\nERIKSSON<<ANNA<MARIA<<<<<<<<<<").Reason);
    }

    static string Patch(string mrz, int line, int pos, char c)
    {
        var lines = mrz.Split('\n');
        var chars = lines[line].ToCharArray();
        chars[pos] = c;
        lines[line] = new string(chars);
        return string.Join("\n", lines);
    }

    static char Other(char c) => c == '9' ? '0' : (char)(c + 1);

    [Theory]
    [InlineData(0, 14, MrzReasons.DocumentNumberCheck)]
    [InlineData(1, 6, MrzReasons.BirthDateCheck)]
    [InlineData(1, 14, MrzReasons.ExpiryDateCheck)]
    [InlineData(1, 29, MrzReasons.CompositeCheck)]
    [InlineData(0, 20, MrzReasons.CompositeCheck)]
    public void Each_check_digit_failure_is_rejected(int line, int pos, string reason)
    {
        var valid = Valid();
        var bad = Patch(valid, line, pos, Other(valid.Split('\n')[line][pos]));
        Assert.Equal(reason, MrzParser.Parse(bad).Reason);
    }

    [Theory]
    [InlineData(null, MrzReasons.Empty)]
    [InlineData("", MrzReasons.Empty)]
    [InlineData("IDMEX", MrzReasons.LineCount)]
    public void Rejects_shapes(string? text, string reason) => Assert.Equal(reason, MrzParser.Parse(text!).Reason);

    [Fact]
    public void Rejects_each_structural_fault()
    {
        var v = Valid();
        Assert.Equal(MrzReasons.LineLength, MrzParser.Parse(v.Replace("IDMEX", "IDMEXX")).Reason);
        Assert.Equal(MrzReasons.Charset, MrzParser.Parse(Patch(v, 2, 0, 'g')).Reason);
        Assert.Equal(MrzReasons.DocumentType, MrzParser.Parse(Patch(v, 0, 1, '<')).Reason);
        Assert.Equal(MrzReasons.IssuingState, MrzParser.Parse(Patch(v, 0, 4, 'A')).Reason);
        Assert.Equal(MrzReasons.BirthDateFormat, MrzParser.Parse(MrzBuilder.Build("123456789", null, "851312", "F", "341231", "A", "B")).Reason);
        Assert.Equal(MrzReasons.Sex, MrzParser.Parse(Patch(v, 1, 7, 'X')).Reason);
        Assert.Equal(MrzReasons.ExpiryDateFormat, MrzParser.Parse(MrzBuilder.Build("123456789", null, "851212", "F", "340001", "A", "B")).Reason);
        Assert.Equal(MrzReasons.Nationality, MrzParser.Parse(Patch(v, 1, 15, '1')).Reason);
        Assert.Equal(MrzReasons.Names, MrzParser.Parse(Patch(v, 2, 0, '<')).Reason);
        Assert.Equal(MrzReasons.Names, MrzParser.Parse(Patch(v, 2, 3, '1')).Reason);
    }

    static readonly Gen<string> ValidMrz =
        Gen.Select(Gen.String[Gen.Char["0123456789"], 9, 9], Gen.String[Gen.Char["0123456789"], 13, 13],
            Gen.Int[0, 99], Gen.Int[1, 12], Gen.Int[1, 28], Gen.OneOfConst("M", "F", "H", "<"),
            Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ"], 1, 10],
            Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ"], 1, 10],
            (cic, cid, yy, mm, dd, sex, sur, given) =>
                MrzBuilder.Build(cic, cid, $"{yy:D2}{mm:D2}{dd:D2}", sex, $"{(yy + 10) % 100:D2}{mm:D2}{dd:D2}", sur, given));

    [Fact]
    public void Generated_mrzs_round_trip() =>
        ValidMrz.Sample(m => Assert.True(MrzParser.Parse(m).Ok, MrzParser.Parse(m).Reason), iter: 3000);

    [Fact]
    public void Any_single_digit_change_in_checked_fields_is_rejected()
    {
        // Positions covered by a check digit (ICAO 9303 part 5): line 1 6-30, line 2 1-7, 9-15, 19-30.
        var covered = Enumerable.Range(5, 25).Select(p => (0, p))
            .Concat(Enumerable.Range(0, 7).Select(p => (1, p)))
            .Concat(Enumerable.Range(8, 7).Select(p => (1, p)))
            .Concat(Enumerable.Range(18, 12).Select(p => (1, p))).ToArray();
        Gen.Select(ValidMrz, Gen.Int[0, covered.Length - 1], Gen.Int[1, 9]).Sample((m, i, delta) =>
        {
            var (line, pos) = covered[i];
            char c = m.Split('\n')[line][pos];
            if (c < '0' || c > '9') return;
            var bad = Patch(m, line, pos, (char)('0' + (c - '0' + delta) % 10));
            Assert.False(MrzParser.Parse(bad).Ok);
        }, iter: 3000);
    }

    [Fact]
    public void Parser_never_throws()
    {
        Gen.String.Sample(s => { MrzParser.Parse(s); }, iter: 3000);
        Generators.Mutated(ValidMrz).Sample(s => { MrzParser.Parse(s); }, iter: 3000);
    }

    [Fact]
    public void Builder_refuses_bad_input()
    {
        Assert.Throws<ArgumentException>(() => MrzBuilder.Build("12345678", null, "850412", "F", "341231", "A", "B"));
        Assert.Throws<ArgumentException>(() => MrzBuilder.Build("123456789", null, "850412", "F", "341231", "GARCÍA", "B"));
        Assert.Throws<ArgumentException>(() => MrzBuilder.Build("123456789", null, "850412", "F", "341231", "", ""));
    }

    [Fact]
    public void Long_names_are_truncated_at_the_end_of_the_line_as_on_the_card()
    {
        // ICAO 9303 part 3: names that do not fit are truncated; a filler never ends the line's name.
        var mrz = MrzBuilder.Build("123456789", null, "850412", "F", "341231", "DE LA GARZA VILLARREAL", "MARIA GUADALUPE");
        var line3 = mrz.Split('\n')[2];
        Assert.Equal("DE<LA<GARZA<VILLARREAL<<MARIA", line3[..29]);
        var parsed = MrzParser.Parse(mrz);
        Assert.True(parsed.Ok, parsed.Reason);
        Assert.Equal("MARIA", parsed.Credential.GivenNames);
        var cut = MrzBuilder.Build("123456789", null, "850412", "F", "341231", new string('A', 29), "B");
        Assert.Equal(new string('A', 29), cut.Split('\n')[2].TrimEnd('<'));
    }
}
