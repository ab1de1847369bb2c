using Microsoft.Extensions.Logging;
using Vmre.Common.Logging;

namespace Vmre.Common.Lan;

/// <summary>
/// Requests Kestrel itself refuses before any middleware runs (a header block over 16 KiB: 431; a
/// request line over 4 KiB: 414; malformed framing: 400) are logged once, as
/// <c>request-refused</c> with the status only (issue 11 point 2). Kestrel reports them on its
/// "BadRequests" category; the message and the exception text are never logged, since they can
/// quote the request.
/// </summary>
public sealed class ListenerRefusals(EventLog log) : ILoggerProvider
{
    public const string Category = "Microsoft.AspNetCore.Server.Kestrel.BadRequests";

    /// <summary>Adds this provider for Kestrel's bad-request category only, whatever the host's minimum level.</summary>
    public static void AddTo(ILoggingBuilder logging, EventLog log)
    {
        logging.AddProvider(new ListenerRefusals(log));
        logging.AddFilter<ListenerRefusals>(Category, LogLevel.Debug);
        logging.AddFilter<ListenerRefusals>((category, _) => category == Category);
    }

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? new Refusals(log) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Refusals(EventLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not Microsoft.AspNetCore.Http.BadHttpRequestException bad) return;
            // A body over the limit is answered and logged by RequestLimits.UseBoundedBodies; Kestrel
            // reports it again when it gives up draining the unread rest, so that report is not a second line.
            if (bad.StatusCode == Microsoft.AspNetCore.Http.StatusCodes.Status413PayloadTooLarge) return;
            log.Append(RequestLimits.RefusedEvent, null, new()
            {
                ["status"] = bad.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["by"] = "listener",
            });
        }
    }

    private sealed class NullLogger : ILogger
    {
        public static readonly NullLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
