using System.Net.Http.Headers;
using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Tests.Consoles;

/// <summary>Raw calls as the desk page makes them, answering the HTTP status a test asserts on.</summary>
public static class ConsoleCalls
{
    public static async Task<int> Post(HttpClient http, string route, object body, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new ByteArrayContent(VmreJson.Bytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    public static async Task<(int Status, string Body)> Get(HttpClient http, string route)
    {
        using var response = await http.GetAsync(route);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
