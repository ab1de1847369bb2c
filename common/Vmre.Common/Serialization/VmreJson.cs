using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Vmre.Common.Serialization;

/// <summary>
/// One JSON convention for every document VMRE writes (docs/formats/): camelCase, enums as
/// strings. And one strict reading of everything it reads (issue 11 point 4,
/// docs/formats/signed-document.md "One reading"): the same signed bytes must never read one way
/// here and another way in an outside verifier, so anything two readers could read differently
/// is refused — duplicate keys, case variants of a name, unknown names, numbers written as
/// strings, comments, trailing commas, trailing data, a missing or null required field.
/// </summary>
public static class VmreJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        Configure(options);
        return options;
    }

    /// <summary>
    /// Make <paramref name="options"/> the VMRE convention in place: for a host whose framework
    /// owns the options instance (ASP.NET binding of request bodies on the terminal's faces).
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        // Writing: unchanged since issue 1 (golden vectors hold the bytes).
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        // Reading: one reading (issue 11 point 4). The Web defaults read names case-insensitively
        // and numbers from strings; the last of duplicate keys won.
        options.AllowDuplicateProperties = false;
        options.PropertyNameCaseInsensitive = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.AllowTrailingCommas = false;
        // A field the record says is not nullable must be present and not null: an outside reader
        // that defaults a missing field would otherwise read what this one refuses or vice versa.
        // RespectRequiredConstructorParameters is not used: it also requires nullable parameters
        // without a default, which every writer omits when null (WhenWritingNull above); the
        // resolver below requires exactly the non-nullable ones with no default.
        options.RespectNullableAnnotations = true;
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RequireNonNullableParameters } };
    }

    private static void RequireNonNullableParameters(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in info.Properties)
            // A property with no setter (an anonymous type, written only) cannot be marked required.
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false } && property.Set is not null)
                property.IsRequired = true;
    }

    public static byte[] Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static string Text<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? Indented : Options);

    /// <summary>Parse at the boundary: malformed or ambiguous JSON is an expected failure, returned as a specific reason.</summary>
    public static Parsed<T> Parse<T>(ReadOnlySpan<byte> json) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            return value is null ? Parsed<T>.Fail("empty document") : Parsed<T>.Ok(value);
        }
        catch (JsonException e)
        {
            return Parsed<T>.Fail(StrictReading.Reason(e, json, typeof(T), Options));
        }
    }

    /// <summary>The same strict reading for text (an HTTP answer read as a string).</summary>
    public static Parsed<T> Parse<T>(string json) where T : class => Parse<T>(System.Text.Encoding.UTF8.GetBytes(json));
}
