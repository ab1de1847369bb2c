namespace Vmre.ModuleServer.Officials;

/// <summary>
/// What a presence check found (issue 11 design §3, review finding 4): the session's card is
/// there; no card (a console sends no header then) or another card answered (the session ends,
/// reason card-removed); or the request carried no usable proof — an unknown, used or expired
/// challenge, a malformed header — which refuses that request only, so nobody who floods
/// challenges can sign an official out.
/// </summary>
public abstract record CardPresence
{
    private CardPresence() { }

    public sealed record Present : CardPresence;

    public sealed record Gone(string Why) : CardPresence;

    public sealed record Unproven(string Why) : CardPresence;

    public static CardPresence Here { get; } = new Present();
}
