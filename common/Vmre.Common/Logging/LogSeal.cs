using Vmre.Common.Signing;
using Vmre.Common.Time;

namespace Vmre.Common.Logging;

/// <summary>
/// A device's signature over its event log (rules.md R5 and R7; docs/formats/event-log.md,
/// "Log seal"): the number of lines and the chain head at sealing time, signed with the
/// device's own key (a terminal's TPM key, the module server's key). Carried in a
/// <see cref="SignedDocument"/> of kind <see cref="DocumentKinds.LogSeal"/>; checked by
/// <see cref="LogSealVerifier"/>.
/// </summary>
public sealed record LogSeal(string Format, string Device, long Entries, string Head, string Utc, string Local)
{
    public const string FormatV1 = "vmre-log-seal/1";

    /// <summary>The seal's file name, next to the device's events.jsonl.</summary>
    public const string FileName = "events.seal.json";

    /// <summary>
    /// Seal the log as it stands: appends nothing before reading count and head (together, under
    /// the log's lock), so the seal covers exactly the lines already written. Lines appended
    /// later chain on from <see cref="Head"/> and are reported as entries after the seal.
    /// </summary>
    public static SignedDocument Create(EventLog log, ISigner signer, ModuleClock clock) => Sign(log, signer, clock).Document;

    private static (SignedDocument Document, LogSeal Body) Sign(EventLog log, ISigner signer, ModuleClock clock)
    {
        var (entries, head) = log.Snapshot();
        var stamp = clock.Now();
        var body = new LogSeal(FormatV1, log.Device, entries, head, stamp.UtcText, stamp.LocalText);
        return (SignedDocument.Create(DocumentKinds.LogSeal, body, signer), body);
    }

    /// <summary>
    /// Create the seal, write it whole (<see cref="Serialization.AtomicFile"/>) to <c>dir/events.seal.json</c>,
    /// and only then log <c>log-sealed</c> (the first line after the seal, unless another thread
    /// appended in between: such lines are after the seal too).
    /// </summary>
    public static SignedDocument Write(string dir, EventLog log, ISigner signer, ModuleClock clock, Actor? actor = null)
    {
        var (seal, body) = Sign(log, signer, clock);
        seal.WriteFile(Path.Combine(dir, FileName));
        log.Append("log-sealed", actor, new()
        {
            ["entries"] = body.Entries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["head"] = body.Head,
            ["keyId"] = seal.KeyId,
        });
        return seal;
    }
}
