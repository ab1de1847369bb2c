using Vmre.Lnere;
using Vmre.Provisioning.Lnere.Synthetic;

namespace Vmre.Provisioning.Tests.Lnere;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

public class LnereGeneratorTests
{
    private static (string Csv, List<LnereRecord> Records) Generate(int seed, int count = StateProfiles.DefaultCount)
    {
        var text = new StringWriter();
        new LnereGenerator(seed, count).Write(text);
        var rows = LnereReader.Read(new StringReader(text.ToString())).ToList();
        Assert.All(rows, r => Assert.True(r.IsOk, r.ToString()));
        return (text.ToString(), rows.Select(r => r.Record!).ToList());
    }

    private static int Count(IEnumerable<LnereRecord> rs, Func<LnereRecord, bool> p) => rs.Count(p);

    [Fact]
    public void Default_count_hits_the_DATA_md_totals_exactly()
    {
        var (_, all) = Generate(2023);
        Assert.Equal(3641, all.Count);
        foreach (var (entidad, total, cumple, inetel, cpve, men, modality) in new[]
                 {
                     ("05", 1139, 1089, (898, 865), (1122, 1078), (515, 496), (620, 427, 42)),
                     ("15", 2502, 2335, (2001, 1887), (2456, 2299), (1511, 1397), (1378, 813, 144)),
                 })
        {
            var state = all.Where(r => r.Entidad == entidad).ToList();
            var meeting = state.Where(r => r.MeetsRequirements).ToList();
            Assert.Equal(total, state.Count);
            Assert.Equal(cumple, meeting.Count);
            Assert.Equal(inetel, (Count(state, r => r.Channel == RegistrationChannel.Inetel), Count(meeting, r => r.Channel == RegistrationChannel.Inetel)));
            Assert.Equal(cpve, (Count(state, r => r.Credential == CredentialType.Cpve), Count(meeting, r => r.Credential == CredentialType.Cpve)));
            Assert.Equal(men, (Count(state, r => r.Sex == Sex.H), Count(meeting, r => r.Sex == Sex.H)));
            Assert.Equal(modality, (Count(meeting, r => r.Modality == Modality.Internet), Count(meeting, r => r.Modality == Modality.Postal),
                Count(meeting, r => r.Modality == Modality.Presencial)));
        }
        Assert.Equal(3424, Count(all, r => r.Status == ApplicationStatus.Cumple));
        Assert.Equal(84, Count(all, r => r.Status == ApplicationStatus.Subsane));
        Assert.Equal(133, Count(all, r => r.Status == ApplicationStatus.Revision));
    }

    [Fact]
    public void Presencial_voters_have_a_module_in_its_country_and_others_have_none()
    {
        var (_, all) = Generate(5);
        foreach (var r in all)
        {
            if (r.Modality == Modality.Presencial)
                Assert.Equal(r.ModuleId == "MRV-MTL" ? "Canada" : "United States", r.Country);
            else Assert.Null(r.ModuleId);
            if (!r.MeetsRequirements) Assert.Null(r.Modality);
        }
        Assert.Equal(["MRV-CHI", "MRV-DAL", "MRV-LAX", "MRV-MTL"], all.Where(r => r.ModuleId is not null).Select(r => r.ModuleId!).Distinct().Order());
    }

    [Fact]
    public void Mean_ages_are_roughly_as_published()
    {
        var (_, all) = Generate(11);
        double MeanAge(string e) => all.Where(r => r.Entidad == e)
            .Average(r => (LnereGenerator.ElectionDay.DayNumber - r.BirthDate.DayNumber) / 365.25);
        Assert.InRange(MeanAge("05"), 44.5, 47.5);
        Assert.InRange(MeanAge("15"), 41.5, 44.5);
        Assert.All(all, r => Assert.True(r.BirthDate.AddYears(18) <= LnereGenerator.ElectionDay));
    }

    [Fact]
    public void Claves_and_cics_are_unique_and_well_formed()
    {
        var (_, all) = Generate(3, 50_000);
        Assert.Equal(all.Count, all.Select(r => r.Clave).Distinct().Count());
        Assert.Equal(all.Count, all.Select(r => r.Cic).Distinct().Count());
        Assert.All(all.Take(200), r => Assert.Null(ClaveElector.Problem(r.Clave)));
    }

    [Fact]
    public void Same_seed_same_file_other_seed_other_file()
    {
        Assert.Equal(Generate(42, 500).Csv, Generate(42, 500).Csv);
        Assert.NotEqual(Generate(42, 500).Csv, Generate(43, 500).Csv);
    }

    [Fact]
    public void Other_counts_keep_the_proportions_and_sum_exactly()
    {
        var (_, all) = Generate(9, 10_000);
        Assert.Equal(10_000, all.Count);
        Assert.Equal(3128, Count(all, r => r.Entidad == "05")); // 10,000 × 1,139 / 3,641 = 3,128.3
    }

    [Fact]
    public void Names_carry_accents()
    {
        var (csv, _) = Generate(1);
        Assert.Matches("[áéíóúÁÉÍÓÚñÑ]", csv);
    }

    [Fact]
    public void Generate_command_writes_the_file_and_reports_counts()
    {
        using var dir = new TempDir();
        var run = Cli.Run("lnere", "generate", "--seed", "1", "--out", dir.File("l.csv"));
        Assert.Equal(0, run.Exit);
        Assert.Contains("3,641 synthetic LNERE rows", run.Out);
        Assert.Contains("05 42, 15 144", run.Out);
        Assert.Equal(3642, File.ReadLines(dir.File("l.csv")).Count());
        Assert.Equal(2, Cli.Run("lnere", "generate", "--seed", "x", "--out", dir.File("m.csv")).Exit);
    }
}
