using Vmre.Common.Lan;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// JSON in and out with the one VMRE convention (VmreJson: camelCase, kebab-case enums).
/// Bodies are parsed at the boundary: malformed JSON is a 400 with its reason. A body over
/// <see cref="RequestLimits.MaxJsonBodyBytes"/> is never read whole: it throws
/// <see cref="BadHttpRequestException"/> 413, answered and logged once by
/// <see cref="RequestLimits.UseBoundedBodies"/> (issue 11 point 2).
/// </summary>
public static class HttpJson
{
    public static async Task<Parsed<T>> Read<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength > RequestLimits.MaxJsonBodyBytes) throw TooLarge();
        var buffer = new byte[RequestLimits.MaxJsonBodyBytes + 1];
        var filled = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(filled), request.HttpContext.RequestAborted)) > 0)
            {
                filled += read;
                if (filled > RequestLimits.MaxJsonBodyBytes) throw TooLarge();
            }
            return VmreJson.Parse<T>(buffer.AsSpan(0, filled));
        }
        finally
        {
            // Issue 11 point 6: a sign-in body holds the typed PIN; the raw bytes are cleared once
            // parsed. The parsed string cannot be cleared (.NET strings are immutable): it lives
            // only until the request ends (docs/security.md, Officials).
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer.AsSpan(0, Math.Min(filled, buffer.Length)));
        }
    }

    public static IResult Ok<T>(T body) => Results.Json(body, VmreJson.Options);

    public static IResult Status<T>(int status, T body) => Results.Json(body, VmreJson.Options, statusCode: status);

    public static IResult Error(int status, string reason) => Status(status, new ErrorBody(reason));

    private static BadHttpRequestException TooLarge() =>
        new($"request body over {RequestLimits.MaxJsonBodyBytes} bytes", StatusCodes.Status413PayloadTooLarge);
}
