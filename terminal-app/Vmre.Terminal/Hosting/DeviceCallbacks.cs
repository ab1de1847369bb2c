using Vmre.Common.Logging;

namespace Vmre.Terminal.Hosting;

/// <summary>
/// Review finding (issue 3, failure handling): the GPIO driver calls the sensor and confirm-button
/// handlers on its own thread, and the inactivity timer runs on a pool thread; an exception
/// escaping either (a vote store that cannot write, a log on a full disk) ends the whole terminal
/// process. The booth has already left its state consistent (nothing is sealed or voided half
/// way: each store step is one transaction), so one failed device event costs a logged failure
/// (rules.md R7), as a failed scan does in SerialCodeScanner, never the terminal.
/// </summary>
public static class DeviceCallbacks
{
    public const string Failed = "device-handler-failed";

    /// <summary>The handler, wrapped so that nothing it throws leaves the calling device thread.</summary>
    public static Action<T> Guarded<T>(string source, EventLog log, Action<T> handler) =>
        value => Run(source, log, () => handler(value));

    public static void Run(string source, EventLog log, Action handler)
    {
        try { handler(); }
        catch (Exception e)
        {
            // The exception's type and message only: none of the booth's exceptions carry a
            // selection, a testigo id or an activation (rules.md R3).
            try { log.Append(Failed, null, new() { ["source"] = source, ["reason"] = e.GetType().Name + ": " + e.Message }); }
            catch (Exception) { /* the log itself failed: nothing left to report to */ }
        }
    }
}
