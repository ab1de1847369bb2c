using Vmre.Common.Lnere;
using Vmre.Common.Signing;
using Vmre.Provisioning.Authority;
using Vmre.Lnere;
using Vmre.Provisioning.Lnere.Synthetic;

namespace Vmre.Provisioning.Tests.Slicing;

// Inside the namespace: Vmre.Provisioning.Cli, found before file-level usings, would hide the Cli helper.
using Vmre.Provisioning.Tests.Support;

public class SliceTests : IDisposable
{
    private readonly Fixture _f = new();
    private readonly string _lnere;
    private readonly List<LnereRecord> _records;

    public SliceTests()
    {
        _lnere = _f.Dir.File("lnere.csv");
        LnereGenerateCommand.WriteAtomically(_lnere, new LnereGenerator(77));
        _records = LnereReader.Read(_lnere).Select(r => r.Record!).ToList();
    }

    public void Dispose() => _f.Dispose();

    private LnereSlice Cut(string module)
    {
        var path = _f.Dir.File($"slice-{module}.json");
        var run = Cli.Run("lnere", "slice", "--lnere", _lnere, "--module", module, "--authority", _f.Key, "--out", path);
        Assert.Equal(0, run.Exit);
        var pub = KeyFiles.LoadPublic(_f.Pub).ValueOrThrow();
        return SignedDocument.ReadFile(path).ValueOrThrow().Open<LnereSlice>(DocumentKinds.LnereSlice, pub).ValueOrThrow();
    }

    [Fact]
    public void Slice_holds_exactly_the_modules_presencial_cumple_voters_sorted_by_clave()
    {
        var slice = Cut("MRV-CHI");
        var expected = _records.Where(r => r.VotesInPersonAt("MRV-CHI")).Select(r => r.Clave).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, slice.Voters.Select(v => v.Clave));
        Assert.Equal(("PEL-2022-2023-VMRE", "MRV-CHI", "Chicago", LnereSlice.FormatV1),
            (slice.ElectionId, slice.ModuleId, slice.ModuleName, slice.Format));
        Assert.Equal(2 * (_records.Count - expected.Count), slice.Blocked.Count);
    }

    [Fact]
    public void Slice_holds_no_one_elses_name()
    {
        var path = _f.Dir.File("slice-names.json");
        Assert.Equal(0, Cli.Run("lnere", "slice", "--lnere", _lnere, "--module", "MRV-MTL", "--authority", _f.Key, "--out", path).Exit);
        var payload = System.Text.Encoding.UTF8.GetString(SignedDocument.ReadFile(path).ValueOrThrow().PayloadBytes());
        Assert.Contains("\"surnames\":", payload); // the probe below matches the real field layout
        var ours = _records.Where(r => r.VotesInPersonAt("MRV-MTL")).Select(r => $"{r.Surnames}|{r.GivenNames}").ToHashSet();
        foreach (var other in _records.Where(r => !r.VotesInPersonAt("MRV-MTL")))
        {
            // Names repeat in a synthetic list; only a full name nobody in the slice shares must be absent.
            if (ours.Contains($"{other.Surnames}|{other.GivenNames}")) continue;
            // Ordinal search: xunit's DoesNotContain is culture-aware and far too slow for 3,600 × 450 KB.
            Assert.False(payload.Contains($"\"surnames\":\"{other.Surnames}\",\"givenNames\":\"{other.GivenNames}\"", StringComparison.Ordinal),
                $"{other.Surnames} {other.GivenNames} leaked into the slice");
            Assert.False(payload.Contains(other.Clave, StringComparison.Ordinal), "another voter's clave leaked");
            Assert.False(payload.Contains(other.Cic, StringComparison.Ordinal), "another voter's CIC leaked");
        }
    }

    [Fact]
    public void Blocked_keys_say_why()
    {
        var slice = Cut("MRV-DAL");
        var reasons = slice.Blocked.ToDictionary(b => b.Key, b => b.Reason);
        var postal = _records.First(r => r.Modality == Modality.Postal);
        var internet = _records.First(r => r.Modality == Modality.Internet);
        var elsewhere = _records.First(r => r.Modality == Modality.Presencial && r.ModuleId != "MRV-DAL");
        var pending = _records.First(r => r.Status == ApplicationStatus.Revision);
        var subsane = _records.First(r => r.Status == ApplicationStatus.Subsane);
        Assert.Equal(BlockReason.Postal, reasons[SliceKey.OfClave(postal.Clave)]);
        Assert.Equal(BlockReason.Postal, reasons[SliceKey.OfCic(postal.Cic)]);
        Assert.Equal(BlockReason.Internet, reasons[SliceKey.OfClave(internet.Clave)]);
        Assert.Equal(BlockReason.OtherModule, reasons[SliceKey.OfCic(elsewhere.Cic)]);
        Assert.Equal(BlockReason.NotEligible, reasons[SliceKey.OfClave(pending.Clave)]);
        Assert.Equal(BlockReason.NotEligible, reasons[SliceKey.OfClave(subsane.Clave)]);
        var voter = slice.Voters[0];
        Assert.False(reasons.ContainsKey(SliceKey.OfClave(voter.Clave)));
    }

    [Fact]
    public void Slice_verifies_and_unknown_module_is_refused()
    {
        Cut("MRV-LAX");
        var verify = Cli.Run("verify", "--authority-pub", _f.Pub, _f.Dir.File("slice-MRV-LAX.json"));
        Assert.Equal(0, verify.Exit);
        Assert.Contains("lnere-slice", verify.Out);
        var run = Cli.Run("lnere", "slice", "--lnere", _lnere, "--module", "MRV-MAD", "--authority", _f.Key, "--out", _f.Dir.File("x.json"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("unknown module 'MRV-MAD'", run.Err);
    }

    [Fact]
    public void Malformed_lnere_writes_no_slice()
    {
        var bad = _f.Dir.File("bad.csv");
        File.WriteAllLines(bad, File.ReadLines(_lnere).Take(10).Select((l, i) => i == 5 ? l.Replace(",cumple,", ",maybe,") : l));
        var run = Cli.Run("lnere", "slice", "--lnere", bad, "--module", "MRV-CHI", "--authority", _f.Key, "--out", _f.Dir.File("none.json"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("line 6: status must be cumple, subsane or revision, got 'maybe'", run.Err);
        Assert.False(File.Exists(_f.Dir.File("none.json")));
    }
}
