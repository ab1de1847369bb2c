using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vmre.Common.Serialization;

namespace Vmre.Common.Protocol;

/// <summary>
/// How an answer of the terminal or the module server becomes the one result type (issue 7):
/// the body on success; otherwise the refusal the part gave (<see cref="ErrorBody"/>), its kind
/// read from the HTTP status, with any structured body that came with it (polls open/close list
/// each terminal even when refused).
/// </summary>
internal static class ApiAnswer
{
    /// <summary>A path relative to the client's base address, or to <paramref name="root"/> when the client serves several parts.</summary>
    public static Uri At(Uri? root, string path) => root is null ? new Uri(path, UriKind.Relative) : new Uri(root, path);

    public static HttpRequestMessage Request(HttpMethod method, Uri path, object? body = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: VmreJson.Options),
        };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    public static async Task<Parsed<T>> Json<T>(HttpClient http, HttpRequestMessage request, CancellationToken cancel = default)
    {
        using (request)
        using (var response = await http.SendAsync(request, cancel))
            return Read<T>(response.StatusCode, response.ReasonPhrase, await response.Content.ReadAsStringAsync(cancel));
    }

    /// <summary>A body that is text, not JSON (the log, an SVG): the text itself on success.</summary>
    public static async Task<Parsed<string>> Text(HttpClient http, HttpRequestMessage request, CancellationToken cancel = default)
    {
        using (request)
        using (var response = await http.SendAsync(request, cancel))
        {
            var text = await response.Content.ReadAsStringAsync(cancel);
            return response.IsSuccessStatusCode ? Parsed<string>.Ok(text) : Read<string>(response.StatusCode, response.ReasonPhrase, text);
        }
    }

    /// <summary>
    /// Synchronous all the way (HttpClient.Send), for a caller that holds a lock while it waits:
    /// blocking on an async call there would starve the thread pool (rules.md R10).
    /// </summary>
    public static Parsed<T> JsonNow<T>(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        using (var response = http.Send(request))
        using (var reader = new StreamReader(response.Content.ReadAsStream()))
            return Read<T>(response.StatusCode, response.ReasonPhrase, reader.ReadToEnd());
    }

    public static Parsed<T> Read<T>(HttpStatusCode status, string? reasonPhrase, string text)
    {
        if ((int)status is >= 200 and < 300)
        {
            if (typeof(T) == typeof(NoBody)) return Parsed<T>.Ok(default!);
            try
            {
                var body = JsonSerializer.Deserialize<T>(text, VmreJson.Options);
                return body is null ? Parsed<T>.Fail("empty document") : Parsed<T>.Ok(body);
            }
            catch (JsonException e) { return Parsed<T>.Fail("the answer is not the expected document: " + e.Message); }
        }
        var reason = ErrorOf(text);
        T? value = default;
        try { value = JsonSerializer.Deserialize<T>(text, VmreJson.Options); }
        catch (JsonException) { }
        catch (NotSupportedException) { }
        return Parsed<T>.Fail(string.IsNullOrEmpty(reason) ? reasonPhrase ?? "refused" : reason, KindOf(status), value);
    }

    /// <summary>
    /// The refusal's "error" field. A refusal may carry more than an ErrorBody (the polls refused,
    /// listing each terminal), which the strict reading of ErrorBody refuses (issue 11 point 4):
    /// the field is read on its own, from a document that still may not repeat a key.
    /// </summary>
    private static string ErrorOf(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String ? error.GetString() ?? text : text;
        }
        catch (JsonException) { return text; }
    }

    private static RefusalKind KindOf(HttpStatusCode status) => (int)status switch
    {
        401 => RefusalKind.Unauthorized,
        403 => RefusalKind.Forbidden,
        409 => RefusalKind.Conflict,
        423 => RefusalKind.Locked,
        _ => RefusalKind.Invalid,
    };
}

/// <summary>An answer with no body (204): only whether it was refused matters.</summary>
public sealed record NoBody;
