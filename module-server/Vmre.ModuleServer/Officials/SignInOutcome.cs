namespace Vmre.ModuleServer.Officials;

public enum SignInStatus { Ok, Refused, Locked, AlreadySignedIn }

/// <summary>The answer to a card and PIN: who it is, or why not (a value, not an exception).</summary>
public sealed record SignInOutcome(SignInStatus Status, OfficialIdentity? Official, string? Reason)
{
    public static SignInOutcome Ok(OfficialIdentity official) => new(SignInStatus.Ok, official, null);
    public static SignInOutcome Refused(string reason) => new(SignInStatus.Refused, null, reason);
    public static SignInOutcome Locked(string reason) => new(SignInStatus.Locked, null, reason);
    public static SignInOutcome AlreadySignedIn(string reason) => new(SignInStatus.AlreadySignedIn, null, reason);
}
