using Vmre.Common.Protocol;
using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// JSON in and out with the one VMRE convention (VmreJson: camelCase, kebab-case enums).
/// Bodies are parsed at the boundary: malformed JSON is a 400 with its reason.
/// </summary>
public static class HttpJson
{
    public static async Task<Parsed<T>> Read<T>(HttpRequest request) where T : class
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return VmreJson.Parse<T>(buffer.ToArray());
    }

    public static IResult Ok<T>(T body) => Results.Json(body, VmreJson.Options);

    public static IResult Status<T>(int status, T body) => Results.Json(body, VmreJson.Options, statusCode: status);

    public static IResult Error(int status, string reason) => Status(status, new ErrorBody(reason));
}
