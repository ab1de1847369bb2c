using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Vmre.Common.Logging;

namespace Vmre.Common.Lan;

/// <summary>
/// Bounded input on every face of the server, the terminal and the console (issue 11 point 2;
/// design contract section 4): bodies 64 KiB (16 KiB for the JSON API bodies the server reads
/// whole), headers 16 KiB in all, request line 4 KiB. Kestrel answers an oversized request line
/// (414) or header block (431) itself; an oversized body is answered 413 here, with one short log
/// line holding sizes and a bounded route only (never the request's text).
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 64 * 1024;
    public const int MaxJsonBodyBytes = 16 * 1024;
    public const int MaxHeaderBytes = 16 * 1024;
    public const int MaxRequestLineBytes = 4 * 1024;
    public const string RefusedEvent = "request-refused";

    public static void Apply(KestrelServerLimits limits)
    {
        limits.MaxRequestBodySize = MaxBodyBytes;
        limits.MaxRequestHeadersTotalSize = MaxHeaderBytes;
        limits.MaxRequestLineSize = MaxRequestLineBytes;
    }

    /// <summary>
    /// Answers a request whose body broke a limit (Kestrel's 64 KiB, or the 16 KiB a JSON reader
    /// enforces by throwing <see cref="BadHttpRequestException"/> with 413) with that status and a
    /// JSON reason, and logs it once.
    /// </summary>
    public static void UseBoundedBodies(this WebApplication app, EventLog log) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                log.Append(RefusedEvent, null, new()
                {
                    ["status"] = e.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["contentLength"] = context.Request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown",
                    ["route"] = LogText.Untrusted(context.Request.Path.Value),
                });
                context.Response.StatusCode = e.StatusCode;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(e.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"{{\"error\":\"request body too large: the limit is {MaxJsonBodyBytes} bytes for this API\"}}"
                    : "{\"error\":\"malformed request\"}");
            }
        });
}
