using System.Text;
using Vmre.Common.Measurement;
using Vmre.Common.Serialization;

namespace Vmre.Formats.Tests;

/// <summary>
/// Pins docs/formats/measurements.md (issue 10 point 1): fixed files give fixed item digests and a
/// fixed expected PCR 13, all computed independently with sha256sum and a Python fold of
/// SHA256(pcr || SHA256(item)); the manifest (vmre-measurements/1) and the measured-start record
/// (vmre-measured-start/1) write the documented bytes.
/// </summary>
public sealed class MeasurementsVectorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("vmre-measure-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Fixed_files_give_the_documented_digests_and_expected_pcr()
    {
        var (program, data) = Folders();
        var items = MeasurementList.Of(program, data);
        Assert.Equal(
            [
                new MeasuredItem("program", "be692d1ffc22d8469ad52dcab4a924f6887c2dcacbaba4db7a6686539ccc4847"),
                new MeasuredItem("terminal-config", "5ac9aa34dae64e92dbeefd27090956a24bc13fc530c8f862d7e9593a2febfe46"),
                new MeasuredItem("module-config", "0222abac713a2f415c1b90dbc618aef71a0f7d68eb898773eeb9d01732725755"),
                new MeasuredItem("election-package", "50825fac43204b23e2b33d7fb501f1e1937511568918f3807b69ab20023e2897"),
            ], items);
        Assert.Equal("d7d01d3559917244a30f2c8c3f57bb3e6a304804f78b744df49f08e2db320d18", Convert.ToHexStringLower(MeasurementList.ExpectedPcr(items)));
        Assert.Equal("9ed1abe2ca192fb9833313fa0b3b882328d1f6a006f704a181b27f5e5f094bfa", Convert.ToHexStringLower(MeasurementList.ClosingValue));
        Assert.Equal(Vectors.Text("measurements.payload.json"), VmreJson.Text(MeasurementManifest.For("T-CHI-01", items), indented: true));
        MeasuredStartRecord.Of(items).Save(data);
        Assert.Equal(Vectors.Text("measured-start.json"), File.ReadAllText(MeasuredStartRecord.PathIn(data)));
    }

    [Fact]
    public void The_program_listing_is_the_sha256sum_format_in_byte_order()
    {
        var (program, _) = Folders();
        Assert.Equal(
            "0263829989b6fd954f72baaf2fc64bc2e2f01d692d4de72986ea808f6e99813f  B.txt\n"
            + "0329e5adb9cdc3e6a336533ffb81fb9587904f033ba2180880d90d9564cb23d4  vmre-terminal.dll\n"
            + "750f2dd11e1abb92dbfd5000e81c0ce0905fee2d1808c6dda65c29424001990b  vmre-terminal.pdb\n"
            + "b541871ddf2562ec0d416dfaf9d40743ba2cf40aa60e251665cfb8088bf8bd5b  wwwroot/app.js\n",
            Encoding.UTF8.GetString(MeasurementList.Listing(program, MeasurementList.RegularFiles(program))));
    }

    [Fact]
    public void Changing_one_byte_of_one_file_changes_only_its_item()
    {
        var (program, data) = Folders();
        var before = MeasurementList.Of(program, data);
        File.WriteAllText(Path.Combine(program, "wwwroot", "app.js"), "jS\n");
        var after = MeasurementList.Of(program, data);
        Assert.NotEqual(before[0], after[0]);
        Assert.Equal(before.Skip(1), after.Skip(1));
    }

    private (string Program, string Data) Folders()
    {
        var program = Directory.CreateDirectory(Path.Combine(_root, "prog")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        Directory.CreateDirectory(Path.Combine(program, "wwwroot"));
        File.WriteAllText(Path.Combine(program, "vmre-terminal.dll"), "dll\n");
        File.WriteAllText(Path.Combine(program, "vmre-terminal.pdb"), "pdb\n");
        File.WriteAllText(Path.Combine(program, "wwwroot", "app.js"), "js\n");
        File.WriteAllText(Path.Combine(program, "B.txt"), "b\n");
        File.WriteAllText(Path.Combine(data, "terminal.json"), "{\"terminalId\":\"T-CHI-01\"}");
        File.WriteAllText(Path.Combine(data, "authority.pub.pem"), "AUTHORITY KEY\n");
        File.WriteAllText(Path.Combine(data, "module-config.signed.json"), "{\"module\":1}");
        File.WriteAllText(Path.Combine(data, "election-package.signed.json"), "{\"package\":1}");
        return (program, data);
    }
}
