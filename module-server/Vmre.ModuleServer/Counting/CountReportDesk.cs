using System.Security.Cryptography.X509Certificates;
using Vmre.Common.Closing;
using Vmre.Common.Lan;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Polls;
using Vmre.ModuleServer.Storage;
using PublicKey = Vmre.Common.Signing.PublicKey;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// Receives a paired terminal's signed count report (issue 10 point 3, docs/formats/count-report.md).
/// The attached leaf must be the very certificate of this TLS connection (so a report cannot be
/// replayed from another run or another connection), it must verify under the key the signed module
/// config pins for that terminal, and the report under the leaf's key; then it must name this
/// terminal, module and package. What fails is logged with its reason and never held (rules.md R5).
/// Counted (<c>count-report-received</c>) under the terminal, with no counts in the line: the counts
/// live in the table only.
/// </summary>
public sealed class CountReportDesk(PairedPeers peers, string moduleId, string packageHash, ModuleDatabase db, EventLog log)
{
    public Parsed<CountReportAnswer> Receive(SignedCountReport? body, LanPeer peer, X509Certificate2? connection)
    {
        var verified = Verify(body, peer, connection);
        if (!verified.IsOk)
        {
            log.Append("count-report-refused", new Actor("terminal", peer.DeviceId), new() { ["terminal"] = peer.DeviceId, ["reason"] = LogText.Reason(verified.Error!) });
            return Parsed<CountReportAnswer>.Fail(verified.Error!);
        }
        var (report, run) = verified.Value;
        var closed = PollsRecord.Read(db) == PollsState.Closed;
        var newest = CountReportBook.Record(db, report, run, closed, body!.Report.ToJson());
        log.Append("count-report-received", new Actor("terminal", peer.DeviceId), new()
        {
            ["terminal"] = peer.DeviceId, ["sequence"] = report.Sequence.ToString(), ["held"] = newest ? "newest" : "older: maxima only",
        });
        return Parsed<CountReportAnswer>.Ok(new CountReportAnswer(newest, newest ? null : "an older report of this run: only its maxima are kept"));
    }

    private Parsed<(CountReport Report, string Run)> Verify(SignedCountReport? body, LanPeer peer, X509Certificate2? connection)
    {
        if (body?.Report is null || body.Certificate is null) return Fail("count report is missing a field");
        byte[] der;
        try { der = Convert.FromBase64String(body.Certificate); }
        catch (FormatException) { return Fail("certificate is not base64"); }
        if (connection is null || !der.AsSpan().SequenceEqual(connection.RawData))
            return Fail("the report's certificate is not this connection's (a report from another run or connection)");
        var identified = peers.Identify(connection);
        if (!identified.IsOk) return Fail(identified.Error!);
        if (identified.Value!.DeviceId != peer.DeviceId) return Fail($"certificate names {identified.Value.DeviceId}");
        using var leafKey = connection.GetECDsaPublicKey();
        if (leafKey is null) return Fail("the certificate's key is not an ECDSA key");
        var opened = body.Report.Open<CountReport>(DocumentKinds.CountReport, PublicKey.FromPem(leafKey.ExportSubjectPublicKeyInfoPem()));
        if (!opened.IsOk) return Fail(opened.Error!);
        var r = opened.Value!;
        if (r.Format != CountReport.FormatV1) return Fail($"count report format '{r.Format}' is not {CountReport.FormatV1}");
        if (r.TerminalId != peer.DeviceId) return Fail($"the report names terminal '{r.TerminalId}', the connection is {peer.DeviceId}");
        if (r.ModuleId != moduleId) return Fail($"the report names module '{r.ModuleId}'");
        if (r.PackageHash != packageHash) return Fail($"the report names election package {r.PackageHash}, this module runs {packageHash}");
        if (r.Sequence <= 0) return Fail("sequence must be positive");
        if (r.Sealed < 0 || r.SessionsWithoutVote < 0 || r.ActivationsRedeemed < 0) return Fail("count report has a negative counter");
        return Parsed<(CountReport, string)>.Ok((r, ContentHash.Of(der)[..16]));
    }

    private static Parsed<(CountReport, string)> Fail(string reason) => Parsed<(CountReport, string)>.Fail(reason);
}
