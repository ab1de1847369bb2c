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

    private static void Configure(JsonSerializerOptions options)
    {
        // Writing: unchanged since issue 1 (golden vectors hold the bytes).
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        ConfigureReading(options);
        // A field the record says is not nullable must not be null either (on writing it makes a
        // null in such a field an error of the writer, which VmreJson's records never have).
        options.RespectNullableAnnotations = true;
    }

    /// <summary>
    /// The one strict reading (issue 11 point 4), and nothing that changes writing: for a host
    /// whose framework owns the options (ASP.NET binding request bodies on the terminal's faces),
    /// so what it writes stays as it was.
    /// </summary>
    public static void ConfigureReading(JsonSerializerOptions options)
    {
        // The Web defaults read names case-insensitively and numbers from strings; the last of
        // duplicate keys won. Trailing data is always refused by JsonSerializer.Deserialize.
        options.AllowDuplicateProperties = false;
        options.PropertyNameCaseInsensitive = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.AllowTrailingCommas = false;
        // A missing field the record says is not nullable (and has no default) is refused: an
        // outside reader that defaults it would read what this one refuses, or the other way.
        // RespectRequiredConstructorParameters is not used: it also requires nullable parameters
        // without a default, which every writer omits when null (WhenWritingNull).
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(RequireNonNullableParameters);
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
