using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Activations;
using Vmre.ModuleServer.Counting;
using Vmre.ModuleServer.Polls;
using Vmre.ModuleServer.Storage;
using Vmre.ModuleServer.Voters;

namespace Vmre.ModuleServer.Http;

/// <summary>
/// What anyone in the room may read (rules.md R8: observers read): counts and throughput and
/// the acta once signed; and, for a signed-in official of any role (observers sign in read-only),
/// the event log, which names the officials' credentials (issue 11 point 1: the review read them
/// there to lock the officials out). None of it holds a voter identity or a selection.
/// </summary>
public static class ReportEndpoints
{
    /// <param name="signedIn">The same face behind a signed-in session (any role, observers too): the log names credentials (issue 11 point 1).</param>
    public static void Map(IEndpointRouteBuilder app, IEndpointRouteBuilder signedIn, string moduleId, ModuleDatabase db, CheckInPace pace, ActaArchive archive, EventLog log)
    {
        app.MapGet(ServerRoutes.Status, () =>
        {
            using var connection = db.Connect();
            var state = PollsRecord.Read(connection);
            var (inSlice, checkedIn) = VoterList.Counts(connection);
            var (issued, redeemed) = ActivationLedger.Counts(connection);
            // Re-issues are counted apart (issue 8 point 4): "issued" counts one activation per checked-in voter.
            return HttpJson.Ok(new ModuleStatus(moduleId, state, inSlice, checkedIn, issued, redeemed, issued - redeemed, pace.LastHour(),
                ActivationLedger.Reissued(connection)));
        });

        app.MapGet(ServerRoutes.Acta, () =>
        {
            var json = archive.ReadJson();
            return json is null
                ? HttpJson.Error(StatusCodes.Status404NotFound, "no acta yet: the polls have not closed")
                : Results.Bytes(json, "application/json");
        });

        signedIn.MapGet(ServerRoutes.Log, () =>
        {
            // FileShare.ReadWrite: the log stays open for appending while it is read.
            using var stream = new FileStream(log.Path_, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return Results.Text(reader.ReadToEnd(), "application/x-ndjson");
        });
    }
}
