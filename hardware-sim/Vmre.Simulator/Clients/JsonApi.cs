using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;

namespace Vmre.Simulator.Clients;

/// <summary>JSON over HTTP, as the desk screen and the ballot page speak to their backends.</summary>
/// <remarks>
/// Answers are the one result type (<see cref="Parsed{T}"/>, issue 7): the body, or the refusal
/// the part gave, its kind read from the HTTP status, with any structured body that came with it.
/// </remarks>
public sealed class JsonApi(string baseUrl)
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

    public string? Bearer
    {
        set => _http.DefaultRequestHeaders.Authorization = value is null ? null : new AuthenticationHeaderValue("Bearer", value);
    }

    public Task<Parsed<T>> Get<T>(string path) => Send<T>(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<Parsed<T>> Post<T>(string path, object? body = null) =>
        Send<T>(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: VmreJson.Options),
        });

    private async Task<Parsed<T>> Send<T>(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode) return Parsed<T>.Ok(JsonSerializer.Deserialize<T>(text, VmreJson.Options)!);
        string reason;
        try { reason = JsonSerializer.Deserialize<ErrorBody>(text, VmreJson.Options)?.Error ?? text; }
        catch (JsonException) { reason = text; }
        // Some refusals carry a structured body (e.g. polls open/close listing each terminal).
        T? value = default;
        try { value = JsonSerializer.Deserialize<T>(text, VmreJson.Options); } catch (JsonException) { }
        return Parsed<T>.Fail(string.IsNullOrEmpty(reason) ? response.ReasonPhrase ?? "refused" : reason, KindOf(response.StatusCode), value);
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
