using Vmre.Common.Election;

namespace Vmre.Audit.Paper;

/// <summary>
/// What the box held: testigos counted, testigos excluded because a notice names them, notices,
/// notices naming no readable testigo in the box (their testigo was torn before its QR printed),
/// papers whose QR does not read, and papers of another election.
/// </summary>
public sealed record BoxRecount(Tally Tally, int Counted, int Excluded, int Notices, int NoticesForUnreadTestigos, int Unreadable, int Foreign);
