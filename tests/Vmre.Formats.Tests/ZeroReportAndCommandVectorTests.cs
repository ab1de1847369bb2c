using Vmre.Common.Closing;
using Vmre.Common.Module;
using Vmre.Common.Serialization;

namespace Vmre.Formats.Tests;

/// <summary>
/// Pins docs/formats/module-messages.md: the superseded module command v1 (kept for the record:
/// it still reads, and the reader refuses it by name), the zero report (vmre-zero-report/1, from
/// a real demo run of terminal T-CHI-01). Version 2 is pinned by <see cref="ModuleCommandV2VectorTests"/>.
/// </summary>
public class ZeroReportAndCommandVectorTests
{
    [Fact]
    public void Module_command_v1_writes_the_documented_bytes()
    {
        var command = new ModuleCommand(ModuleCommand.FormatV1, ModuleCommandKind.ZeroReport, "MRV-CHI", "T-CHI-01", "5f0c2a8e9b7d4e31a6c0f2d4b8e1a9c3");
        Assert.Equal(Vectors.Text("module-command.payload.json"), VmreJson.Text(command));
    }

    [Fact]
    public void Module_command_v1_parses_back_and_is_refused_as_superseded()
    {
        var command = Vectors.Parse<ModuleCommand>("module-command.payload.json");
        Assert.Equal(ModuleCommand.FormatV1, command.Format);
        Assert.Equal(ModuleCommandKind.ZeroReport, command.Command);
        Assert.Equal(("MRV-CHI", "T-CHI-01"), (command.ModuleId, command.TerminalId));
        Assert.Equal(ModuleCommandReader.V1Superseded, ModuleCommandReader.Read(command).Error);
    }

    [Fact]
    public void Zero_report_vector_parses_with_every_counter_at_zero()
    {
        var report = Vectors.Parse<ZeroReport>("zero-report.payload.json");
        Assert.Equal(ZeroReport.FormatV1, report.Format);
        Assert.Equal("T-CHI-01", report.TerminalId);
        Assert.Equal("a476d09b9e33b9edd4805f032aa0df2200ffac31e808275271e02b6f195bd36a", report.PackageHash);
        Assert.Matches("^[0-9a-f]{64}$", report.SoftwareHash);
        Assert.Matches("^[0-9a-f]{32}$", report.CommandNonce);
        Assert.EndsWith("Z", report.Utc);
        Assert.EndsWith("-06:00", report.Local);
        Assert.True(report.AllZero);
        Assert.Empty(report.SelfTestFailures);
    }

    [Fact]
    public void Zero_report_round_trips_to_the_same_bytes() =>
        Assert.Equal(Vectors.Text("zero-report.payload.json"),
            VmreJson.Text(Vectors.Parse<ZeroReport>("zero-report.payload.json")));
}
