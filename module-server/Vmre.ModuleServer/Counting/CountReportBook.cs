using Microsoft.Data.Sqlite;
using Vmre.Common.Closing;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// The count_reports table: one row per terminal (issue 10 point 3), no time column (rules.md R3).
/// A report from a new run (another leaf: the terminal restarted) or with a higher sequence in the
/// same run becomes the newest; an older sequence of the same run only raises the maxima, so a
/// replay can never lower what the server holds. Each write is one transaction.
/// </summary>
public static class CountReportBook
{
    /// <summary>Records the verified report; returns whether it became the newest.</summary>
    public static bool Record(ModuleDatabase db, CountReport r, string run, bool pollsClosed, string document)
    {
        using var c = db.Connect();
        using var tx = c.BeginTransaction();
        var held = Read(c, tx, r.TerminalId);
        var newest = held is null || held.Run != run || r.Sequence > held.Sequence;
        var maxEpoch = Math.Max(held?.MaxStoreEpoch ?? 0, r.StoreEpoch);
        // An epoch below one already reported is a store that went back (rules.md R6): kept as a flag for the closing.
        var wentBack = (held?.EpochWentBack ?? false) || (r.StoreEpoch != 0 && r.StoreEpoch < (held?.MaxStoreEpoch ?? 0));
        var now = newest ? r : null;
        ModuleDatabase.Execute(c, """
            INSERT INTO count_reports(terminal_id, run, sequence, store_epoch, sealed, without_vote, redeemed,
                max_sealed, max_without_vote, max_redeemed, max_epoch, epoch_went_back, at_close, document)
            VALUES ($t, $run, $seq, $epoch, $s, $w, $r, $ms, $mw, $mr, $me, $back, $close, $doc)
            ON CONFLICT(terminal_id) DO UPDATE SET run = $run, sequence = $seq, store_epoch = $epoch, sealed = $s,
                without_vote = $w, redeemed = $r, max_sealed = $ms, max_without_vote = $mw, max_redeemed = $mr,
                max_epoch = $me, epoch_went_back = $back, at_close = $close, document = $doc
            """, tx,
            ("$t", r.TerminalId), ("$run", now is null ? held!.Run : run), ("$seq", now?.Sequence ?? held!.Sequence),
            ("$epoch", (long)(now?.StoreEpoch ?? held!.StoreEpoch)), ("$s", now?.Sealed ?? held!.Sealed),
            ("$w", now?.SessionsWithoutVote ?? held!.SessionsWithoutVote), ("$r", now?.ActivationsRedeemed ?? held!.ActivationsRedeemed),
            ("$ms", Math.Max(held?.MaxSealed ?? 0, r.Sealed)), ("$mw", Math.Max(held?.MaxSessionsWithoutVote ?? 0, r.SessionsWithoutVote)),
            ("$mr", Math.Max(held?.MaxActivationsRedeemed ?? 0, r.ActivationsRedeemed)), ("$me", (long)maxEpoch),
            ("$back", wentBack ? 1 : 0), ("$close", newest ? (pollsClosed ? 1 : 0) : (held!.AtClose ? 1 : 0)),
            ("$doc", newest ? document : DocumentOf(c, tx, r.TerminalId)!));
        tx.Commit();
        return newest;
    }

    public static HeldCounts? Read(ModuleDatabase db, string terminalId)
    {
        using var c = db.Connect();
        return Read(c, null, terminalId);
    }

    private static HeldCounts? Read(SqliteConnection c, SqliteTransaction? tx, string terminalId)
    {
        using var command = ModuleDatabase.Command(c, """
            SELECT run, sequence, store_epoch, sealed, without_vote, redeemed, max_sealed, max_without_vote, max_redeemed,
                max_epoch, epoch_went_back, at_close FROM count_reports WHERE terminal_id = $t
            """, tx, ("$t", terminalId));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new HeldCounts(reader.GetString(0), reader.GetInt64(1), (ulong)reader.GetInt64(2), reader.GetInt32(3), reader.GetInt32(4),
            reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8), (ulong)reader.GetInt64(9),
            reader.GetInt64(10) != 0, reader.GetInt64(11) != 0);
    }

    private static string? DocumentOf(SqliteConnection c, SqliteTransaction tx, string terminalId) =>
        ModuleDatabase.Scalar(c, "SELECT document FROM count_reports WHERE terminal_id = $t", tx, ("$t", terminalId)) as string;
}
