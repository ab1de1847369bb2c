namespace Vmre.Terminal.Session;

/// <summary>
/// The short, stable codes a voter's refusal is counted under on the hour's voter-activity line
/// (review of issue 9: free text as a count key grows without bound and may carry a server's or an
/// exception's words; the prose stays for the screen). Like the module server's redemption codes.
/// docs/formats/event-log.md lists them.
/// </summary>
public static class VoterRefusals
{
    public const string CredentialScanned = "credential-scanned";
    public const string NotRecognized = "not-recognized";
    public const string PollsNotOpen = "polls-not-open";
    public const string SessionInProgress = "session-in-progress";
    public const string Malformed = "malformed";
    public const string NotSigned = "not-signed";
    public const string OtherModule = "other-module";
    public const string OtherPackage = "other-package";
    public const string UnknownStyle = "unknown-style";
    public const string ServerUnreachable = "server-unreachable";
    /// <summary>The server's signed answer carries its reason as prose only (vmre-redeem-answer/1), so no server code follows.</summary>
    public const string RefusedByServer = "refused-by-server";
    public const string StyleMismatch = "style-mismatch";
    /// <summary>Issue 10 point 2: the terminal's vote store failed verification.</summary>
    public const string StoreIntegrity = "store-integrity";
    public const string NothingToConfirm = "nothing-to-confirm";
    public const string TestigoLimit = "testigo-limit";
    public const string NothingToAccept = "nothing-to-accept";
    public const string NothingToReject = "nothing-to-reject";
    public const string CannotCancel = "cannot-cancel";
}
