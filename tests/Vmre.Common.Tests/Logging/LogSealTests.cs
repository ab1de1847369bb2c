using System.Text;
using Vmre.Common.Logging;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Common.Tests.Support;

namespace Vmre.Common.Tests.Logging;

/// <summary>rules.md R5 and R7: a device's signed seal over its log; anyone checks it with the device's public key.</summary>
public sealed class LogSealTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SoftwareSigningKey _key = SoftwareSigningKey.Generate();
    private readonly Time.ModuleClock _clock = FixedClock.Ticking("2024-06-02T23:00:00Z");

    private string LogPath => _dir.File("events.jsonl");
    private PublicKey Public => PublicKey.FromPem(_key.PublicKeyPem);

    /// <summary>A five-line log, sealed through <see cref="LogSeal.Write"/> (which adds log-sealed as line 6).</summary>
    private SignedDocument FiveLinesSealed(out EventLog log)
    {
        log = new EventLog(LogPath, "T-CHI-01", _clock);
        log.Append("terminal-started");
        log.Append("zero-report-printed", null, new() { ["votesSealed"] = "0" });
        log.Append("activation-redeemed");
        log.Append("polls-closed");
        log.Append("closing-record-signed", null, new() { ["votesSealed"] = "1" });
        return LogSeal.Write(_dir.Path, log, _key, _clock);
    }

    private SignedDocument Sealed()
    {
        var seal = FiveLinesSealed(out var log);
        log.Dispose();
        return seal;
    }

    [Fact]
    public void A_seal_verifies_and_names_the_line_logged_after_it()
    {
        var seal = Sealed();
        Assert.Equal(DocumentKinds.LogSeal, seal.Kind);
        Assert.Equal(_key.KeyId, seal.KeyId);
        var body = seal.Open<LogSeal>(DocumentKinds.LogSeal, Public).ValueOrThrow();
        Assert.Equal(new LogSeal(LogSeal.FormatV1, "T-CHI-01", 5, body.Head, body.Utc, body.Local), body);
        var lines = File.ReadAllLines(LogPath);
        Assert.EndsWith($"\"hash\":\"{body.Head}\"}}", lines[4]);
        Assert.Contains("\"event\":\"log-sealed\"", lines[5]);
        Assert.Contains($"\"entries\":\"5\",\"head\":\"{body.Head}\",\"keyId\":\"{_key.KeyId}\"", lines[5]);

        var fromFile = LogSealVerifier.Verify(LogPath, _dir.File(LogSeal.FileName), Public);
        Assert.True(fromFile.IsOk, fromFile.Error);
        Assert.Equal(new LogSealCheck(5, 1), fromFile.Value);
    }

    [Fact]
    public void Create_appends_nothing_and_seals_the_current_head()
    {
        using var log = new EventLog(LogPath, "MRV-CHI", _clock);
        log.Append("module-server-started");
        log.Append("acta-signed");
        var seal = LogSeal.Create(log, _key, _clock);
        Assert.Equal(2, log.Count);
        var body = seal.Open<LogSeal>(DocumentKinds.LogSeal, Public).ValueOrThrow();
        Assert.Equal((2L, log.Head), (body.Entries, body.Head));
        Assert.Equal("2024-06-02T23:00:03Z", body.Utc);
        Assert.Equal("2024-06-02T18:00:03-05:00", body.Local);
        Assert.Equal(new LogSealCheck(2, 0), LogSealVerifier.Verify(LogPath, seal, Public).ValueOrThrow());
    }

    [Fact]
    public void Entries_appended_after_the_seal_are_allowed_and_counted()
    {
        var seal = FiveLinesSealed(out var log);
        using (log)
        {
            log.Append("terminal-stopped");
            log.Append("terminal-started");
        }
        Assert.Equal(new LogSealCheck(5, 3), LogSealVerifier.Verify(LogPath, seal, Public).ValueOrThrow());
    }

    [Fact]
    public void A_tampered_sealed_line_is_named_by_the_chain()
    {
        var seal = Sealed();
        var lines = File.ReadAllLines(LogPath);
        lines[2] = lines[2].Replace("activation-redeemed", "activation-refused");
        File.WriteAllLines(LogPath, lines);
        Assert.Equal("log chain broken at line 3: hash does not match content", LogSealVerifier.Verify(LogPath, seal, Public).Error);
    }

    [Fact]
    public void A_tampered_line_after_the_seal_is_named_too()
    {
        var seal = Sealed();
        var lines = File.ReadAllLines(LogPath);
        lines[5] = lines[5].Replace("log-sealed", "log-sealez");
        File.WriteAllLines(LogPath, lines);
        Assert.Equal("log chain broken after the seal at line 6: hash does not match content",
            LogSealVerifier.Verify(LogPath, seal, Public).Error);
    }

    [Fact]
    public void A_log_truncated_below_the_seal_is_shorter_than_sealed()
    {
        var seal = Sealed();
        File.WriteAllLines(LogPath, File.ReadAllLines(LogPath)[..3]);
        Assert.Equal("log shorter than sealed: 3 entries, the seal covers 5", LogSealVerifier.Verify(LogPath, seal, Public).Error);
    }

    [Fact]
    public void A_log_rewritten_from_scratch_does_not_match_the_sealed_head()
    {
        // A whole new, self-consistent chain with the same number of lines: only the seal tells.
        var seal = Sealed();
        File.Delete(LogPath);
        using (var forged = new EventLog(LogPath, "T-CHI-01", FixedClock.Ticking("2024-06-02T23:00:00Z")))
            for (var i = 0; i < 6; i++) forged.Append("terminal-started");
        var error = LogSealVerifier.Verify(LogPath, seal, Public).Error;
        Assert.StartsWith("log head mismatch at entry 5: the log has ", error);
    }

    [Fact]
    public void A_seal_by_another_key_is_refused()
    {
        var seal = Sealed();
        var other = PublicKey.FromPem(SoftwareSigningKey.Generate().PublicKeyPem);
        Assert.Equal($"log seal refused: signed by key {_key.KeyId}, expected {other.KeyId}",
            LogSealVerifier.Verify(LogPath, seal, other).Error);
    }

    [Fact]
    public void A_seal_with_an_altered_payload_has_a_bad_signature()
    {
        var seal = Sealed();
        var body = Encoding.UTF8.GetString(seal.PayloadBytes()).Replace("\"entries\":5", "\"entries\":4");
        var altered = seal with { Payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) };
        Assert.Equal("log seal refused: bad signature on log-seal", LogSealVerifier.Verify(LogPath, altered, Public).Error);
    }

    [Fact]
    public void Another_kind_of_document_is_not_a_seal()
    {
        Sealed();
        var acta = SignedDocument.Create(DocumentKinds.Acta, new { format = "vmre-acta/1" }, _key);
        Assert.Equal("log seal refused: expected a log-seal document, got 'acta'", LogSealVerifier.Verify(LogPath, acta, Public).Error);
    }

    [Fact]
    public void An_unknown_seal_format_and_a_missing_log_are_named()
    {
        var future = SignedDocument.Create(DocumentKinds.LogSeal,
            new LogSeal("vmre-log-seal/2", "T-CHI-01", 0, EventLog.Genesis, "2024-06-02T23:00:00Z", "2024-06-02T18:00:00-05:00"), _key);
        Assert.Equal("log seal format 'vmre-log-seal/2' is not vmre-log-seal/1", LogSealVerifier.Verify(LogPath, future, Public).Error);
        using var empty = new EventLog(_dir.File("other.jsonl"), "T-CHI-01", _clock);
        var seal = LogSeal.Create(empty, _key, _clock);
        Assert.StartsWith("log not found: ", LogSealVerifier.Verify(_dir.File("missing.jsonl"), seal, Public).Error);
        Assert.StartsWith("file not found: ", LogSealVerifier.Verify(LogPath, _dir.File("missing.seal.json"), Public).Error);
    }

    /// <summary>Pins the payload layout of docs/formats/event-log.md ("Log seal").</summary>
    [Fact]
    public void The_seal_payload_has_the_documented_bytes()
    {
        const string Documented = """{"format":"vmre-log-seal/1","device":"T-CHI-01","entries":66,"head":"81e37b8efa2886992c1c3231cc8164ee3f42773aed9d3aeb5de013a518b616f4","utc":"2026-11-29T00:37:36Z","local":"2026-11-28T18:37:36-06:00"}""";
        var body = new LogSeal(LogSeal.FormatV1, "T-CHI-01", 66,
            "81e37b8efa2886992c1c3231cc8164ee3f42773aed9d3aeb5de013a518b616f4", "2026-11-29T00:37:36Z", "2026-11-28T18:37:36-06:00");
        Assert.Equal(Documented, Encoding.UTF8.GetString(VmreJson.Bytes(body)));
        // The documented envelope carries exactly these payload bytes.
        Assert.Equal(Documented, Encoding.UTF8.GetString(Convert.FromBase64String(
            "eyJmb3JtYXQiOiJ2bXJlLWxvZy1zZWFsLzEiLCJkZXZpY2UiOiJULUNISS0wMSIsImVudHJpZXMiOjY2LCJoZWFkIjoiODFlMzdiOGVmYTI4ODY5OTJjMWMzMjMxY2M4MTY0ZWUzZjQyNzczYWVkOWQzYWViNWRlMDEzYTUxOGI2MTZmNCIsInV0YyI6IjIwMjYtMTEtMjlUMDA6Mzc6MzZaIiwibG9jYWwiOiIyMDI2LTExLTI4VDE4OjM3OjM2LTA2OjAwIn0=")));
        Assert.Equal(body, VmreJson.Parse<LogSeal>(Encoding.UTF8.GetBytes(Documented)).ValueOrThrow());
    }

    public void Dispose() => _dir.Dispose();
}
