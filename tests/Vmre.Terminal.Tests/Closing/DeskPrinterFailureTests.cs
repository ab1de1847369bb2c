using Vmre.Common.Closing;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Closing;

/// <summary>
/// Review finding: the module-command desk called the printer directly, so a failed printer
/// port (unplugged USB-serial adapter) threw out of Close after the polls were already closed:
/// no signed closing record, no log seal, an HTTP 500 to the module server.
/// </summary>
public sealed class DeskPrinterFailureTests : IDisposable
{
    private readonly BoothRig _rig = new();

    [Fact]
    public void Close_with_a_failed_printer_port_still_answers_the_signed_closing_record()
    {
        _rig.OpenPolls();
        _rig.Vote("E05", ("GOB-05", ["PAN"], null));
        _rig.Port.Dispose(); // the port is gone: every write now throws
        var closed = _rig.Desk.Handle(_rig.Command(ModuleCommandKind.Close));
        Assert.True(closed.IsOk, closed.Error);
        var record = closed.Value!.Open<ClosingRecord>(DocumentKinds.ClosingRecord, PublicKey.FromPem(_rig.DeviceKey.PublicKeyPem));
        Assert.True(record.IsOk, record.Error);
        Assert.Equal(1, record.Value!.VotesSealed);
        Assert.Contains("\"printed\":\"False\"", _rig.LogText);
        Assert.Contains("log-sealed", _rig.LogText);
    }

    [Fact]
    public void A_zero_report_with_a_failed_printer_port_is_answered_and_the_polls_stay_shut()
    {
        _rig.Port.Dispose();
        var zero = _rig.Desk.Handle(_rig.Command(ModuleCommandKind.ZeroReport));
        Assert.True(zero.IsOk, zero.Error);
        var report = zero.Value!.Open<ZeroReport>(DocumentKinds.ZeroReport, PublicKey.FromPem(_rig.DeviceKey.PublicKeyPem));
        Assert.True(report.IsOk, report.Error);
        Assert.NotEmpty(report.Value!.SelfTestFailures);
        Assert.Equal(TerminalPolls.NotOpen, _rig.Booth.View.Polls);
    }

    public void Dispose() => _rig.Dispose();
}
