using Vmre.Common.Lnere;
using Vmre.Common.Serialization;
using Vmre.Provisioning.ElectionPackages;
using Vmre.Lnere;
using Vmre.Provisioning.Modules;
using Vmre.Provisioning.Slicing;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-lnere-slice/1` (docs/formats/lnere-slice.md), cut from vectors/lnere-small.csv: 12 rows
/// — 3 presencial at MRV-CHI (one with a quoted name), presencial at DAL, LAX and MTL, 2 postal,
/// 2 internet, one subsane and one revision — in an order that is not the clave order.
/// </summary>
public class LnereSliceVectorTests
{
    private const string SliceFile = "lnere-slice-MRV-CHI.payload.json";

    private static SliceResult Cut() =>
        LnereSlicer.Cut(Vectors.PathOf("lnere-small.csv"), PilotModules.Find("MRV-CHI")!, DemoElection.ElectionId).ValueOrThrow();

    private static List<LnereRecord> SmallLnere() =>
        LnereReader.Read(Vectors.PathOf("lnere-small.csv")).Select(r => r.Record ?? throw new InvalidDataException(r.Error)).ToList();

    [Fact]
    public void Current_code_cuts_the_golden_payload_byte_for_byte()
    {
        var cut = Cut();
        Assert.Equal(12, cut.RowsRead);
        Assert.Equal(Vectors.Text(SliceFile), System.Text.Encoding.UTF8.GetString(VmreJson.Bytes(cut.Slice)));
        Assert.Equal(Vectors.Bytes(SliceFile), VmreJson.Bytes(cut.Slice));
    }

    [Fact]
    public void Voters_are_the_modules_presencial_rows_sorted_by_clave()
    {
        var slice = Vectors.Parse<LnereSlice>(SliceFile);
        Assert.Equal(("vmre-lnere-slice/1", "PEL-2022-2023-VMRE", "MRV-CHI", "Chicago"),
            (slice.Format, slice.ElectionId, slice.ModuleId, slice.ModuleName));
        Assert.Equal(["ALZXAN65112105H017", "GRMRMR80030415M123", "HRLPJS72121205H0A9"], slice.Voters.Select(v => v.Clave));
        Assert.Equal(new SliceVoter("HRLPJS72121205H0A9", "200000003", "Hernández López", "José \"Pepe\" Luis", "05", "CPVE"), slice.Voters[2]);
        Assert.Equal("CPV", slice.Voters[1].CredentialType);
    }

    [Fact]
    public void Blocked_keys_are_the_clave_and_cic_keys_of_every_other_row_with_its_reason()
    {
        var slice = Vectors.Parse<LnereSlice>(SliceFile);
        var expected = new List<SliceBlock>();
        foreach (var r in SmallLnere().Where(r => !r.VotesInPersonAt("MRV-CHI")))
        {
            var reason = r switch
            {
                { Status: ApplicationStatus.Subsane or ApplicationStatus.Revision } => BlockReason.NotEligible,
                { Modality: Modality.Postal } => BlockReason.Postal,
                { Modality: Modality.Internet } => BlockReason.Internet,
                _ => BlockReason.OtherModule,
            };
            expected.Add(new SliceBlock(SliceKey.OfClave(r.Clave), reason));
            expected.Add(new SliceBlock(SliceKey.OfCic(r.Cic), reason));
        }
        Assert.Equal(18, expected.Count);
        Assert.Equal(expected.OrderBy(b => b.Key, StringComparer.Ordinal), slice.Blocked);
        Assert.Equal(6, slice.Blocked.Count(b => b.Reason == BlockReason.OtherModule));
        Assert.Equal(4, slice.Blocked.Count(b => b.Reason == BlockReason.Postal));
        Assert.Equal(4, slice.Blocked.Count(b => b.Reason == BlockReason.Internet));
        Assert.Equal(4, slice.Blocked.Count(b => b.Reason == BlockReason.NotEligible));
        Assert.All(slice.Blocked, b => Assert.Matches("^[0-9a-f]{32}$", b.Key));
    }

    [Fact]
    public void Slice_key_is_the_documented_truncated_sha256()
    {
        // docs/formats/lnere-slice.md: SHA-256 of "vmre-lnere/1|clave|CLAVE" or "vmre-lnere/1|cic|CIC", 32 hex.
        static string Sha(string s) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s)))[..32];
        Assert.Equal(Sha("vmre-lnere/1|clave|CSRYAN85022805M321"), SliceKey.OfClave("CSRYAN85022805M321"));
        Assert.Equal(Sha("vmre-lnere/1|cic|200000006"), SliceKey.OfCic("200000006"));
        Assert.Contains($"{{\"key\":\"{SliceKey.OfClave("CSRYAN85022805M321")}\",\"reason\":\"postal\"}}", Vectors.Text(SliceFile));
    }

    [Fact]
    public void Enum_reasons_are_written_kebab_case()
    {
        var text = Vectors.Text(SliceFile);
        Assert.Contains("\"reason\":\"other-module\"", text);
        Assert.Contains("\"reason\":\"not-eligible\"", text);
    }
}
