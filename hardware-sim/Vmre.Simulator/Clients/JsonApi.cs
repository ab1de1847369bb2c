using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;

namespace Vmre.Simulator.Clients;

/// <summary>An answer from a part's HTTP API: the body, or the refusal it gave (status and reason).</summary>
public sealed record Answer<T>(T? Value, int Status, string? Refusal)
{
    public bool Ok => Refusal is null;
    public T Expect(string step) => Ok ? Value! : throw new SimulationFailure($"{step}: refused ({Status}) {Refusal}");
}

/// <summary>JSON over HTTP, as the desk screen and the ballot page speak to their backends.</summary>
public sealed class JsonApi(string baseUrl)
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

    public string? Bearer
    {
        set => _http.DefaultRequestHeaders.Authorization = value is null ? null : new AuthenticationHeaderValue("Bearer", value);
    }

    public Task<Answer<T>> Get<T>(string path) => Send<T>(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<Answer<T>> Post<T>(string path, object? body = null) =>
        Send<T>(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: VmreJson.Options),
        });

    private async Task<Answer<T>> Send<T>(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
            return new Answer<T>(JsonSerializer.Deserialize<T>(text, VmreJson.Options), (int)response.StatusCode, null);
        string reason;
        try { reason = JsonSerializer.Deserialize<ErrorBody>(text, VmreJson.Options)?.Error ?? text; }
        catch (JsonException) { reason = text; }
        // Some refusals carry a structured body (e.g. polls open/close listing each terminal).
        T? value = default;
        try { value = JsonSerializer.Deserialize<T>(text, VmreJson.Options); } catch (JsonException) { }
        return new Answer<T>(value, (int)response.StatusCode, string.IsNullOrEmpty(reason) ? response.ReasonPhrase : reason);
    }
}
