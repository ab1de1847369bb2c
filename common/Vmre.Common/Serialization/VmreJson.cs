using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vmre.Common.Serialization;

/// <summary>One JSON convention for every document VMRE writes (docs/formats/): camelCase, enums as strings.</summary>
public static class VmreJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }

    public static byte[] Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static string Text<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? Indented : Options);

    /// <summary>Parse at the boundary: malformed JSON is an expected failure, returned as a reason.</summary>
    public static Parsed<T> Parse<T>(ReadOnlySpan<byte> json) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            return value is null ? Parsed<T>.Fail("empty document") : Parsed<T>.Ok(value);
        }
        catch (JsonException e)
        {
            return Parsed<T>.Fail($"malformed JSON: {e.Message}");
        }
    }
}
