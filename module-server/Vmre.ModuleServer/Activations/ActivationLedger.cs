using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Activations;

public enum BurnResult { Burned, AlreadyUsed, Unknown, Expired, Voided }

/// <summary>
/// The activations table: a random nonce, its ballot style and its state (issued, redeemed,
/// voided). No time, terminal or voter column exists there (rules.md R2), and the random primary
/// key of a WITHOUT ROWID table keeps storage in nonce order, not issue order (rules.md R3).
/// While an activation is unredeemed, unredeemed_activations links it to its voter and its issue
/// time on the server's clock, so it can expire and be re-issued (issue 8 point 4); the burn and
/// the void delete that row in their own transaction, so no redeemed activation is linked to anyone.
/// </summary>
public static class ActivationLedger
{
    /// <summary>A new single-use activation for this voter inside the caller's check-in transaction.</summary>
    public static string Issue(SqliteConnection c, SqliteTransaction tx, string style, string clave, DateTimeOffset now)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        ModuleDatabase.Execute(c, "INSERT INTO activations(nonce, style, state) VALUES ($n, $s, 'issued')", tx,
            ("$n", nonce), ("$s", style));
        ModuleDatabase.Execute(c, "INSERT INTO unredeemed_activations(nonce, clave, issued_unix) VALUES ($n, $c, $t)", tx,
            ("$n", nonce), ("$c", clave), ("$t", now.ToUnixTimeSeconds()));
        return nonce;
    }

    /// <summary>
    /// Burn once (rules.md R4): the conditional update lets exactly one redemption win, and the
    /// same transaction erases the voter link (rules.md R2). An activation older than
    /// <paramref name="lifetime"/> on the server's clock is not burned: it stays unredeemed so
    /// an official can void it and re-issue one (issue 8 point 4).
    /// </summary>
    public static BurnResult Burn(SqliteConnection c, SqliteTransaction tx, string nonce, DateTimeOffset now, TimeSpan lifetime)
    {
        var state = ModuleDatabase.Scalar(c, "SELECT state FROM activations WHERE nonce = $n", tx, ("$n", nonce)) as string;
        switch (state)
        {
            case null: return BurnResult.Unknown;
            case "redeemed": return BurnResult.AlreadyUsed;
            case "voided": return BurnResult.Voided;
        }
        // An issued activation without its issue time cannot be judged fresh: treated as expired.
        var issued = ModuleDatabase.Scalar(c, "SELECT issued_unix FROM unredeemed_activations WHERE nonce = $n", tx, ("$n", nonce));
        if (issued is not long issuedUnix || now.ToUnixTimeSeconds() - issuedUnix >= (long)lifetime.TotalSeconds)
            return BurnResult.Expired;
        if (ModuleDatabase.Execute(c, "UPDATE activations SET state = 'redeemed' WHERE nonce = $n AND state = 'issued'", tx, ("$n", nonce)) != 1)
            return BurnResult.AlreadyUsed;
        Unlink(c, tx, nonce);
        return BurnResult.Burned;
    }

    /// <summary>
    /// Voids this voter's unredeemed activation, if there is one, and erases its link; returns
    /// whether one was voided. None means the voter was never given one or has redeemed it.
    /// </summary>
    public static bool VoidUnredeemed(SqliteConnection c, SqliteTransaction tx, string clave)
    {
        if (ModuleDatabase.Scalar(c, "SELECT nonce FROM unredeemed_activations WHERE clave = $c", tx, ("$c", clave)) is not string nonce)
            return false;
        ModuleDatabase.Execute(c, "UPDATE activations SET state = 'voided' WHERE nonce = $n AND state = 'issued'", tx, ("$n", nonce));
        Unlink(c, tx, nonce);
        return true;
    }

    /// <summary>Erases an activation's voter link and its kept check-in answer (burn and void: rules.md R2).</summary>
    private static void Unlink(SqliteConnection c, SqliteTransaction tx, string nonce)
    {
        ModuleDatabase.Execute(c, "DELETE FROM unredeemed_activations WHERE nonce = $n", tx, ("$n", nonce));
        ModuleDatabase.Execute(c, "DELETE FROM checkin_answers WHERE nonce = $n", tx, ("$n", nonce));
    }

    /// <summary>Keeps the check-in's answer under the desk's request id, in the check-in's transaction (issue 11 point 3).</summary>
    public static void KeepCheckInAnswer(SqliteConnection c, SqliteTransaction tx, string nonce, string requestId, string token, string official) =>
        ModuleDatabase.Execute(c, "INSERT INTO checkin_answers(nonce, request_id, token, official) VALUES ($n, $r, $t, $o)", tx,
            ("$n", nonce), ("$r", requestId), ("$t", token), ("$o", official));

    /// <summary>
    /// The answer a check-in with this request id was given, while its activation is unredeemed:
    /// with the credential of the official who asked (review finding 3) and the issue time (kept
    /// in unredeemed_activations already, for expiry).
    /// </summary>
    public static KeptCheckIn? CheckInAnswer(SqliteConnection c, SqliteTransaction? tx, string requestId)
    {
        using var command = ModuleDatabase.Command(c,
            "SELECT u.clave, a.token, v.style, a.official, u.issued_unix FROM checkin_answers a JOIN unredeemed_activations u ON u.nonce = a.nonce "
            + "JOIN activations v ON v.nonce = a.nonce WHERE a.request_id = $r", tx, ("$r", requestId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new KeptCheckIn(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)) : null;
    }

    /// <summary>The request id of this voter's check-in whose activation is still unredeemed, if its answer is kept.</summary>
    public static string? PendingRequestId(SqliteConnection c, string clave) =>
        ModuleDatabase.Scalar(c, "SELECT a.request_id FROM checkin_answers a JOIN unredeemed_activations u ON u.nonce = a.nonce WHERE u.clave = $c",
            null, ("$c", clave)) as string;

    /// <summary>
    /// Keeps a burn's signed acceptance under the digest of the request it answers (issue 11 point
    /// 3): no nonce beside it, so after the burn the nonce is still only in activations with its
    /// style and state (rules.md R2), and the digest names no terminal without that request's
    /// random challenge.
    /// </summary>
    public static void KeepAcceptance(SqliteConnection c, SqliteTransaction tx, string requestDigest, string style, string signature) =>
        ModuleDatabase.Execute(c, "INSERT INTO redemption_answers(request_digest, style, signature) VALUES ($d, $s, $g)", tx,
            ("$d", requestDigest), ("$s", style), ("$g", signature));

    /// <summary>The acceptance kept for exactly this request, if its burn was this request's.</summary>
    public static (string Style, string Signature)? Acceptance(SqliteConnection c, SqliteTransaction tx, string requestDigest)
    {
        using var command = ModuleDatabase.Command(c, "SELECT style, signature FROM redemption_answers WHERE request_digest = $d", tx, ("$d", requestDigest));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>
    /// At polls close no activation can be redeemed or re-issued any more, so the voter and
    /// issue time of every activation still unredeemed (an expired one nobody re-issued, a voter
    /// who left) are erased: after closing module.db links no voter to a check-in time (issue 9
    /// point 3). The activations stay, as issued, for the count. Returns how many links were erased.
    /// </summary>
    public static int ForgetUnredeemed(ModuleDatabase db)
    {
        using var c = db.Connect();
        using var tx = c.BeginTransaction();
        // Issue 11 point 3: the kept answers go too; after closing nothing is confirmed or redeemed.
        ModuleDatabase.Execute(c, "DELETE FROM checkin_answers", tx);
        ModuleDatabase.Execute(c, "DELETE FROM redemption_answers", tx);
        var erased = ModuleDatabase.Execute(c, "DELETE FROM unredeemed_activations", tx);
        tx.Commit();
        return erased;
    }

    public static string? StyleOf(SqliteConnection c, SqliteTransaction tx, string nonce) =>
        ModuleDatabase.Scalar(c, "SELECT style FROM activations WHERE nonce = $n", tx, ("$n", nonce)) as string;

    /// <summary>
    /// Activations that count against check-ins: a voided one was replaced by its re-issue, so
    /// it is counted apart (<see cref="Reissued"/>), never as a second activation for one voter.
    /// </summary>
    public static (int Issued, int Redeemed) Counts(SqliteConnection c)
    {
        using var command = ModuleDatabase.Command(c,
            "SELECT COALESCE(SUM(state <> 'voided'), 0), COALESCE(SUM(state = 'redeemed'), 0) FROM activations", null);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>Activations voided and re-issued by an official (each void came with one re-issue).</summary>
    public static int Reissued(SqliteConnection c) =>
        Convert.ToInt32(ModuleDatabase.Scalar(c, "SELECT COUNT(*) FROM activations WHERE state = 'voided'"));
}

/// <summary>A kept check-in answer (issue 11 point 3, review finding 3).</summary>
public sealed record KeptCheckIn(string Clave, string Token, string Style, string Official, long IssuedUnix);
