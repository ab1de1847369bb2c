using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Vmre.Common.Serialization;

/// <summary>
/// Why a document was refused by the one strict reading (issue 11 point 4), in words a verifier
/// can act on ("duplicate property 'votes' at $.contests[0].votes"), mapped from the
/// serializer's exception: its message says which rule, its path says where, and the record's
/// metadata says whether an unknown name is a case variant of a known one.
/// </summary>
internal static partial class StrictReading
{
    public const string Prefix = "malformed JSON: ";

    public static string Reason(JsonException e, ReadOnlySpan<byte> json, Type type, JsonSerializerOptions options)
    {
        var message = e.Message;
        var at = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : " at " + e.Path;
        if (Duplicate().Match(message) is { Success: true } dup)
            return Prefix + $"duplicate property '{dup.Groups[1].Value}'{at}";
        if (message.StartsWith("Duplicate properties not allowed", StringComparison.Ordinal)) // a dictionary's key
            return Prefix + $"duplicate property '{Segments(e.Path).LastOrDefault()}'{at}";
        if (Unmapped().Match(message) is { Success: true } unknown)
        {
            var name = unknown.Groups[1].Value;
            var known = KnownNameLike(name, e.Path, type, options);
            return Prefix + (known is null
                ? $"unknown property '{name}'{at}"
                : $"property '{name}' is a case variant of '{known}'{at}");
        }
        if (Missing().Match(message) is { Success: true } missing)
            return Prefix + $"missing required property {missing.Groups[1].Value.TrimEnd('.')}{at}";
        if (message.Contains("doesn't allow null values", StringComparison.Ordinal)
            || message.Contains("doesn't allow setting null values", StringComparison.Ordinal))
            return Prefix + $"null where a value is required{at}";
        if (message.Contains("is invalid after a single JSON value", StringComparison.Ordinal))
            return Prefix + "trailing data after the document";
        if (message.Contains("trailing comma", StringComparison.Ordinal))
            return Prefix + $"trailing comma{at}";
        var before = LastByteBefore(json, e.LineNumber, e.BytePositionInLine, out var current);
        if (current == (byte)'/')
            return Prefix + $"comments are not allowed{at}";
        if (message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
            return Prefix + (before == (byte)'"' && IsNumber(TypeAt(e.Path, type, options))
                ? $"number written as a string{at}"
                : $"value of the wrong type{at}");
        return Prefix + message;
    }

    /// <summary>The known property name that <paramref name="name"/> matches ignoring case, in the object the path ends in.</summary>
    private static string? KnownNameLike(string name, string? path, Type root, JsonSerializerOptions options)
    {
        var segments = Segments(path);
        if (segments.Count == 0) return null;
        var owner = Walk(segments.Take(segments.Count - 1), root, options);
        return owner?.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Name;
    }

    private static Type? TypeAt(string? path, Type root, JsonSerializerOptions options) =>
        Walk(Segments(path), root, options)?.Type;

    /// <summary>Follow a serializer path ($.a[0].b) through the record metadata; null when it leaves what the metadata knows.</summary>
    private static JsonTypeInfo? Walk(IEnumerable<string?> segments, Type root, JsonSerializerOptions options)
    {
        JsonTypeInfo? info = options.GetTypeInfo(root);
        foreach (var segment in segments)
        {
            if (info is null) return null;
            Type? next = info.Kind switch
            {
                JsonTypeInfoKind.Object when segment is not null => info.Properties.FirstOrDefault(p => p.Name == segment)?.PropertyType,
                JsonTypeInfoKind.Enumerable when segment is null => info.ElementType,
                JsonTypeInfoKind.Dictionary when segment is not null => info.ElementType,
                _ => null,
            };
            info = next is null ? null : options.GetTypeInfo(next);
        }
        return info;
    }

    /// <summary>"$.a['b.c'][2].d" → a, b.c, null (an index), d.</summary>
    private static List<string?> Segments(string? path)
    {
        var segments = new List<string?>();
        if (string.IsNullOrEmpty(path) || path[0] != '$') return segments;
        foreach (Match m in PathSegment().Matches(path, 1))
            segments.Add(m.Groups["name"].Success ? m.Groups["name"].Value
                       : m.Groups["quoted"].Success ? m.Groups["quoted"].Value : null);
        return segments;
    }

    private static bool IsNumber(Type? type)
    {
        if (type is null) return false;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return Type.GetTypeCode(type) is TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32
            or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;
    }

    /// <summary>The last non-blank byte before where the reader stopped, and the byte it stopped on.</summary>
    private static byte LastByteBefore(ReadOnlySpan<byte> json, long? line, long? column, out byte current)
    {
        current = 0;
        if (line is null || column is null) return 0;
        var offset = 0;
        for (var l = 0L; l < line && offset < json.Length; l++)
        {
            var next = json[offset..].IndexOf((byte)'\n');
            if (next < 0) return 0;
            offset += next + 1;
        }
        offset += (int)Math.Min(column.Value, int.MaxValue - offset);
        if (offset > json.Length) return 0;
        if (offset < json.Length) current = json[offset];
        for (var i = offset - 1; i >= 0; i--)
            if (json[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return json[i];
        return 0;
    }

    [GeneratedRegex(@"^Duplicate property '(.*)' encountered")]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"^The JSON property '(.*)' could not be mapped to any \.NET member")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"missing required properties including: (.*)$")]
    private static partial Regex Missing();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|\\')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
