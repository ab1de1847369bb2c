using System.Text.Json.Serialization;

namespace Vmre.Common.Logging.Nist;

// The parts of the NIST SP 1500-101 Election Event Logging Common Data Format, version 1
// (JSON schema NIST_V1_election_event_logging.json, namespace
// http://itl.nist.gov/ns/voting/1500-101/v1, usnistgov/ElectionEventLogging) that a VMRE
// export needs. Class, member and JSON property names are the schema's; every type has
// "additionalProperties": false there, so nothing else may be written and nulls are omitted.
// docs/formats/nist-event-log.md maps VMRE fields onto these.

/// <summary>EventLogging.ElectionEventLog, the root. Required: @type, GeneratedTime.</summary>
public sealed record ElectionEventLog(
    [property: JsonPropertyName("GeneratedTime")] string GeneratedTime,
    [property: JsonPropertyName("ElectionId")] string? ElectionId,
    [property: JsonPropertyName("Details")] string? Details,
    [property: JsonPropertyName("Device")] IReadOnlyList<Device> Device)
{
    public const string TypeName = "EventLogging.ElectionEventLog";

    [JsonPropertyName("@type")]
    [JsonPropertyOrder(-1)]
    public string AtType => TypeName;
}

/// <summary>EventLogging.Device: the device that generated the events. Required: @type, Id.</summary>
public sealed record Device(
    [property: JsonPropertyName("Id")] string Id,
    [property: JsonPropertyName("Type")] DeviceType? Type,
    [property: JsonPropertyName("OtherType")] string? OtherType,
    [property: JsonPropertyName("Manufacturer")] string? Manufacturer,
    [property: JsonPropertyName("Model")] string? Model,
    [property: JsonPropertyName("Version")] string? Version,
    [property: JsonPropertyName("HashType")] HashType? HashType,
    [property: JsonPropertyName("OtherHashType")] string? OtherHashType,
    [property: JsonPropertyName("Details")] string? Details,
    [property: JsonPropertyName("Event")] IReadOnlyList<Event> Event)
{
    public const string TypeName = "EventLogging.Device";

    [JsonPropertyName("@type")]
    [JsonPropertyOrder(-1)]
    public string AtType => TypeName;
}

/// <summary>EventLogging.Event. Required: @type, Disposition, Id, Sequence, TimeStamp, Type.</summary>
public sealed record Event(
    [property: JsonPropertyName("Id")] string Id,
    [property: JsonPropertyName("Sequence")] string Sequence,
    [property: JsonPropertyName("TimeStamp")] string TimeStamp,
    [property: JsonPropertyName("Type")] string Type,
    [property: JsonPropertyName("Description")] string? Description,
    [property: JsonPropertyName("Disposition")] EventDispositionType Disposition,
    [property: JsonPropertyName("OtherDisposition")] string? OtherDisposition,
    [property: JsonPropertyName("Severity")] string? Severity,
    [property: JsonPropertyName("UserId")] string? UserId,
    [property: JsonPropertyName("Hash")] string? Hash,
    [property: JsonPropertyName("Details")] string? Details)
{
    public const string TypeName = "EventLogging.Event";

    [JsonPropertyName("@type")]
    [JsonPropertyOrder(-1)]
    public string AtType => TypeName;
}

/// <summary>EventLogging.DeviceType (schema v1: "bmd" replaced the drafts' "ballot-marking").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceType>))]
public enum DeviceType
{
    [JsonStringEnumMemberName("adjudication")] Adjudication,
    [JsonStringEnumMemberName("ballot-activation")] BallotActivation,
    [JsonStringEnumMemberName("ballot-printing")] BallotPrinting,
    [JsonStringEnumMemberName("blank-ballot-printing")] BlankBallotPrinting,
    [JsonStringEnumMemberName("bmd")] Bmd,
    [JsonStringEnumMemberName("dre")] Dre,
    [JsonStringEnumMemberName("dre-controller")] DreController,
    [JsonStringEnumMemberName("electronic-cast")] ElectronicCast,
    [JsonStringEnumMemberName("electronic-cast-paper")] ElectronicCastPaper,
    [JsonStringEnumMemberName("electronic-poll-book")] ElectronicPollBook,
    [JsonStringEnumMemberName("ems")] Ems,
    [JsonStringEnumMemberName("other")] Other,
    [JsonStringEnumMemberName("scan-batch")] ScanBatch,
    [JsonStringEnumMemberName("scan-single")] ScanSingle,
    [JsonStringEnumMemberName("transmission-receiving")] TransmissionReceiving,
    [JsonStringEnumMemberName("transmission-sending")] TransmissionSending,
}

/// <summary>EventLogging.EventDispositionType.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventDispositionType>))]
public enum EventDispositionType
{
    [JsonStringEnumMemberName("failure")] Failure,
    [JsonStringEnumMemberName("na")] Na,
    [JsonStringEnumMemberName("other")] Other,
    [JsonStringEnumMemberName("success")] Success,
}

/// <summary>EventLogging.HashType.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HashType>))]
public enum HashType
{
    [JsonStringEnumMemberName("md6")] Md6,
    [JsonStringEnumMemberName("other")] Other,
    [JsonStringEnumMemberName("sha-256")] Sha256,
    [JsonStringEnumMemberName("sha-512")] Sha512,
}

/// <summary>The schema's spellings of <see cref="DeviceType"/>, for command lines.</summary>
public static class DeviceTypes
{
    public static readonly IReadOnlyDictionary<string, DeviceType> ByName = Enum.GetValues<DeviceType>()
        .ToDictionary(t => typeof(DeviceType).GetField(t.ToString())!
            .GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
            .Cast<JsonStringEnumMemberNameAttribute>().Single().Name, StringComparer.Ordinal);

    public static string Names => string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));
}
