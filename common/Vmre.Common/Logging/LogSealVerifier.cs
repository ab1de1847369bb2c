using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Common.Logging;

/// <summary>What a log seal check found: the lines the seal covers, and how many came after it.</summary>
public sealed record LogSealCheck(long SealedEntries, long EntriesAfter);

/// <summary>
/// Anyone can check a device's log against its seal (brief section 2.6): the seal is signed by
/// the device's key, the first <see cref="LogSeal.Entries"/> lines verify as a hash chain whose
/// head is the sealed <see cref="LogSeal.Head"/>, and any later lines chain on from it.
/// Every refusal is a specific reason.
/// </summary>
public static class LogSealVerifier
{
    public static Parsed<LogSealCheck> Verify(string logPath, SignedDocument seal, PublicKey key)
    {
        var opened = seal.Open<LogSeal>(DocumentKinds.LogSeal, key);
        if (!opened.IsOk) return Parsed<LogSealCheck>.Fail("log seal refused: " + opened.Error);
        var body = opened.Value!;
        if (body.Format != LogSeal.FormatV1)
            return Parsed<LogSealCheck>.Fail($"log seal format '{body.Format}' is not {LogSeal.FormatV1}");
        if (body.Entries < 0 || body.Head is null)
            return Parsed<LogSealCheck>.Fail("log seal has no valid entry count or head");
        if (!File.Exists(logPath)) return Parsed<LogSealCheck>.Fail($"log not found: {logPath}");

        var lines = EventLogVerifier.ReadLines(logPath);
        var covered = (int)Math.Min(body.Entries, lines.Length);
        var chain = EventLogVerifier.VerifyLines(lines, 0, covered, EventLog.Genesis);
        if (!chain.IsOk) return Parsed<LogSealCheck>.Fail("log chain broken at " + chain.Error);
        if (lines.Length < body.Entries)
            return Parsed<LogSealCheck>.Fail($"log shorter than sealed: {lines.Length} entries, the seal covers {body.Entries}");
        if (chain.Value!.Head != body.Head)
            return Parsed<LogSealCheck>.Fail($"log head mismatch at entry {body.Entries}: the log has {chain.Value.Head}, the seal {body.Head}");
        // The covered lines verified above: go on from the sealed head, not from the start again.
        var after = EventLogVerifier.VerifyLines(lines, covered, lines.Length, body.Head);
        if (!after.IsOk) return Parsed<LogSealCheck>.Fail("log chain broken after the seal at " + after.Error);
        return Parsed<LogSealCheck>.Ok(new LogSealCheck(body.Entries, lines.Length - body.Entries));
    }

    /// <summary>The same, reading the seal from its file.</summary>
    public static Parsed<LogSealCheck> Verify(string logPath, string sealPath, PublicKey key) =>
        SignedDocument.ReadFile(sealPath).Then(seal => Verify(logPath, seal, key));
}
