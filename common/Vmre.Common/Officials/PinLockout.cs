namespace Vmre.Common.Officials;

/// <summary>
/// One credential's PIN failures and lock (issue 11 point 1; rules.md R8). Counted by the
/// application per credential — never the TPM's device-wide dictionary-attack lockout, which
/// would let one official's mistakes lock out all — and only for a genuine card's PinWrong
/// verdict, so no one can cause a lockout without that official's card.
/// </summary>
public sealed record PinLockout(int Failures, DateTimeOffset? LockedUntil)
{
    public const int FailuresBeforeLock = 3;
    public static readonly TimeSpan FirstLock = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestLock = TimeSpan.FromMinutes(60);

    public static PinLockout Clear { get; } = new(0, null);

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>
    /// A genuine card said the PIN was wrong. The third consecutive failure locks for one minute;
    /// every further failure (possible only once a lock has ended) locks again for twice as long,
    /// up to an hour: guessing stays slow, and a tired official is back within minutes.
    /// </summary>
    public PinLockout AfterWrongPin(DateTimeOffset now)
    {
        var failures = Failures + 1;
        if (failures < FailuresBeforeLock) return new(failures, null);
        var doublings = Math.Min(failures - FailuresBeforeLock, 6); // 2^6 minutes already exceeds the longest lock
        var length = TimeSpan.FromTicks(Math.Min(FirstLock.Ticks << doublings, LongestLock.Ticks));
        return new(failures, now + length);
    }

    /// <summary>A right PIN, or a lock lifted by the presidente (or two officials for the presidente's own).</summary>
    public static PinLockout AfterRightPinOrLift() => Clear;

    /// <summary>"locked until 10:42:00 UTC (3 wrong PINs)" — for refusals and the desk.</summary>
    public string Describe() => LockedUntil is { } until
        ? $"credential locked until {until.UtcDateTime:HH:mm:ss} UTC after {Failures} wrong PINs"
        : Failures == 0 ? "no failures" : $"{Failures} wrong PIN(s), not locked";
}
